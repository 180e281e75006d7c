package org.herald.campaigns;

import java.util.Map;

/**
 * What a campaign did: messages per status (every status present, 0 where none), the messages still
 * waiting and among them those waiting for a retry after a temporary failure, opens (all and unique
 * contacts), clicks (all, unique, per link), unsubscribes through its links, bounces and complaints.
 */
public record CampaignReport(String campaign, CampaignState state, long messages, Map<MessageStatus, Long> statuses,
        long retrying, long opens, long uniqueOpens, long clicks, long uniqueClicks, Map<String, Long> clicksByLink,
        long unsubscribes, long bounces, long complaints) {

    public CampaignReport {
        statuses = Map.copyOf(statuses);
        clicksByLink = Map.copyOf(clicksByLink);
    }

    /** Messages with a final status. */
    public long done() {
        return messages - statuses.getOrDefault(MessageStatus.WFS, 0L);
    }
}
