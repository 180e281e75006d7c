package org.herald.campaigns.internal;

import java.util.List;

import org.herald.store.CampaignStore.CampaignRecord;
import org.herald.store.MessageStore.Recipient;

/**
 * Turns a campaign's targets and exclusions into its recipients, in contact key order, each once:
 * lists and segments are resolved by SQL in the store ({@link StoreAudience}).
 */
interface Audience {

    /** Recipients after contact key {@code afterKey}, at most {@code limit}; empty when done. */
    List<Recipient> next(CampaignRecord campaign, boolean allowUnknown, long afterKey, int limit);
}
