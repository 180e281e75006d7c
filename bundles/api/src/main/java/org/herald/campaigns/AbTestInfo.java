package org.herald.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * A campaign's A/B test as it stands: its definition, when the winner is picked ({@code decideAt},
 * null before sending starts) and, once picked, the {@code winner}, why ({@code reason}, with the
 * figures it was picked on) and when ({@code decidedAt}).
 */
public record AbTestInfo(int samplePercent, AbMetric metric, long waitMinutes, List<AbVariant> variants,
        Instant decideAt, String winner, String reason, Instant decidedAt) {

    public AbTestInfo {
        variants = List.copyOf(variants);
    }
}
