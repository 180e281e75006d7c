package org.herald.segments;

import java.math.BigDecimal;

/**
 * Engaged and unengaged contacts of one group (all contacts, or one opt-in status): counts and
 * shares in percent with two decimals; the two shares add up to 100.00 (0.00 each for an empty group).
 */
public record EngagementShares(String group, long engaged, long unengaged, BigDecimal engagedShare,
        BigDecimal unengagedShare) {
}
