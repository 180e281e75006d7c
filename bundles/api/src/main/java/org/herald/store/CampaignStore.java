package org.herald.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.herald.campaigns.CampaignState;
import org.osgi.annotation.versioning.ProviderType;

/** Campaign definitions and their state (a definition aggregate); their messages are in {@link MessageStore}. */
@ProviderType
public interface CampaignStore {

    /** A campaign as stored; {@code id} is 0 before it is created. */
    record CampaignRecord(long id, String name, String template, String subject, String from, String replyTo,
            CampaignState state, boolean transactional, boolean allowUnknown, List<String> lists,
            List<String> excludeLists, List<String> segments, List<String> excludeSegments, Instant scheduledAt,
            Instant created, Instant startedAt, Instant finishedAt) {
        public CampaignRecord {
            lists = lists == null ? List.of() : List.copyOf(lists);
            excludeLists = excludeLists == null ? List.of() : List.copyOf(excludeLists);
            segments = segments == null ? List.of() : List.copyOf(segments);
            excludeSegments = excludeSegments == null ? List.of() : List.copyOf(excludeSegments);
        }
    }

    /** Creates the campaign; a ConflictException when the name is taken. */
    CampaignRecord create(CampaignRecord campaign);

    /** Replaces the definition (not the state) of a campaign in one of {@code states}. */
    CampaignRecord update(CampaignRecord campaign, Collection<CampaignState> states);

    Optional<CampaignRecord> find(String name);

    Optional<CampaignRecord> find(long id);

    List<CampaignRecord> list();

    /** Campaigns in one of {@code states}. */
    List<CampaignRecord> inState(Collection<CampaignState> states);

    /**
     * Moves the campaign to {@code to} if it is in one of {@code from}, setting the times given (null
     * keeps them); returns the campaign after, or empty when it was not in one of {@code from}.
     */
    Optional<CampaignRecord> transition(long id, Collection<CampaignState> from, CampaignState to, Instant scheduledAt,
            Instant startedAt, Instant finishedAt);

    /** Whether a campaign that is not SENT or CANCELLED uses the template or the list. */
    List<String> usingTemplate(String template);

    List<String> usingList(String list);
}
