package org.herald.campaigns.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.herald.contacts.OptInStatus;
import org.herald.store.CampaignStore.CampaignRecord;
import org.herald.store.MessageStore;
import org.herald.store.MessageStore.AudienceQuery;
import org.herald.store.MessageStore.Recipient;
import org.herald.store.SegmentCompiler;
import org.herald.store.SegmentCompiler.CompiledSegment;

/**
 * Members of the target lists and contacts of the target segments, minus members of the exclusion
 * lists and contacts of the exclusion segments, live, with a status that may be mailed: CONFIRMED
 * (and UNKNOWN where allowed) for marketing; for transactional mail every status but INACTIVE
 * (suppressed: hard bounces). Selected by SQL in the store; segments are compiled by the audience
 * bundle once per batch, so "opened in 30 days" means 30 days before the batch is queued.
 */
final class StoreAudience implements Audience {

    private final MessageStore messages;
    private final SegmentCompiler segments;

    StoreAudience(MessageStore messages, SegmentCompiler segments) {
        this.messages = messages;
        this.segments = segments;
    }

    static Set<OptInStatus> statuses(boolean transactional, boolean allowUnknown) {
        if (transactional) {
            return EnumSet.complementOf(EnumSet.of(OptInStatus.INACTIVE));
        }
        return allowUnknown ? EnumSet.of(OptInStatus.CONFIRMED, OptInStatus.UNKNOWN) : EnumSet.of(OptInStatus.CONFIRMED);
    }

    @Override
    public List<Recipient> next(CampaignRecord c, boolean allowUnknown, long afterKey, int limit) {
        Instant now = Instant.now();
        return messages.recipients(new AudienceQuery(new HashSet<>(c.lists()), new HashSet<>(c.excludeLists()),
                statuses(c.transactional(), allowUnknown), compile(c.segments(), now), compile(c.excludeSegments(), now)),
                afterKey, limit);
    }

    private List<CompiledSegment> compile(List<String> names, Instant now) {
        return names.stream().map(n -> segments.compile(n, now)).toList();
    }
}
