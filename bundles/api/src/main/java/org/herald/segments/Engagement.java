package org.herald.segments;

import java.time.Instant;
import java.util.List;

/** Engagement now: overall, per opt-in status, and the change over the last {@code changeDays} days. */
public record Engagement(Instant at, int windowDays, EngagementShares overall, List<EngagementShares> byStatus,
        int changeDays, EngagementChange change) {
    public Engagement {
        byStatus = List.copyOf(byStatus);
    }
}
