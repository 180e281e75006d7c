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

    /**
     * A campaign as stored; {@code id} is 0 before it is created. {@code abTest} is the A/B test's
     * definition as the campaign bundle wrote it (JSON; null for none), {@code abWinner},
     * {@code abReason} and {@code abDecidedAt} its decision, {@code abRestQueuedAt} when the rest of
     * the audience was queued with the winner.
     */
    record CampaignRecord(long id, String name, String template, String subject, String from, String replyTo,
            CampaignState state, boolean transactional, boolean allowUnknown, List<String> lists,
            List<String> excludeLists, List<String> segments, List<String> excludeSegments, Instant scheduledAt,
            Instant created, Instant startedAt, Instant finishedAt, String abTest, String abWinner, String abReason,
            Instant abDecidedAt, Instant abRestQueuedAt) {
        public CampaignRecord {
            lists = lists == null ? List.of() : List.copyOf(lists);
            excludeLists = excludeLists == null ? List.of() : List.copyOf(excludeLists);
            segments = segments == null ? List.of() : List.copyOf(segments);
            excludeSegments = excludeSegments == null ? List.of() : List.copyOf(excludeSegments);
        }

        /** A campaign without an A/B test (2.3). */
        public CampaignRecord(long id, String name, String template, String subject, String from, String replyTo,
                CampaignState state, boolean transactional, boolean allowUnknown, List<String> lists,
                List<String> excludeLists, List<String> segments, List<String> excludeSegments, Instant scheduledAt,
                Instant created, Instant startedAt, Instant finishedAt) {
            this(id, name, template, subject, from, replyTo, state, transactional, allowUnknown, lists, excludeLists,
                    segments, excludeSegments, scheduledAt, created, startedAt, finishedAt, null, null, null, null, null);
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

    /**
     * Records the A/B test's winner of a SENDING campaign whose test is undecided: a guarded update, so
     * of several nodes deciding at once one succeeds; returns the campaign after, or empty when it was
     * decided already (or is not SENDING).
     */
    Optional<CampaignRecord> decideAbTest(long id, String winner, String reason, Instant at);

    /** Notes that the rest of an A/B test's audience is queued (the campaign may become SENT). */
    void abRestQueued(long id, Instant at);

    /** Whether a campaign that is not SENT or CANCELLED uses the template or the list. */
    List<String> usingTemplate(String template);

    List<String> usingList(String list);
}
