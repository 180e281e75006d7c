package org.herald.campaigns.internal;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.contacts.OptInStatus;
import org.herald.store.CampaignStore.CampaignRecord;
import org.herald.store.MessageStore;
import org.herald.store.MessageStore.AudienceQuery;
import org.herald.store.MessageStore.Recipient;

/**
 * Members of the target lists minus members of the exclusion lists, live, with a status that may be
 * mailed: CONFIRMED (and UNKNOWN where allowed) for marketing; for transactional mail every status
 * but INACTIVE (suppressed: hard bounces). Segment targets are refused until segments exist.
 */
final class ListAudience implements Audience {

    private final MessageStore messages;

    ListAudience(MessageStore messages) {
        this.messages = messages;
    }

    static Set<OptInStatus> statuses(boolean transactional, boolean allowUnknown) {
        if (transactional) {
            return EnumSet.complementOf(EnumSet.of(OptInStatus.INACTIVE));
        }
        return allowUnknown ? EnumSet.of(OptInStatus.CONFIRMED, OptInStatus.UNKNOWN) : EnumSet.of(OptInStatus.CONFIRMED);
    }

    @Override
    public List<Recipient> next(CampaignRecord c, boolean allowUnknown, long afterKey, int limit) {
        if (!c.segments().isEmpty() || !c.excludeSegments().isEmpty()) {
            throw new ValidationException("segments", String.join(",", c.segments()), "segment targets are not supported yet");
        }
        return messages.recipients(new AudienceQuery(new HashSet<>(c.lists()), new HashSet<>(c.excludeLists()),
                statuses(c.transactional(), allowUnknown)), afterKey, limit);
    }
}
