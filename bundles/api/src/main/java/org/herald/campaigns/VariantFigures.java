package org.herald.campaigns;

import java.math.BigDecimal;

/**
 * What one A/B variant's sample did: messages queued and sent, opens and clicks (all and unique
 * contacts), and the purchases attributed to its messages with their revenue.
 */
public record VariantFigures(String name, long messages, long sent, long opens, long uniqueOpens, long clicks,
        long uniqueClicks, long purchases, BigDecimal revenue) {
}
