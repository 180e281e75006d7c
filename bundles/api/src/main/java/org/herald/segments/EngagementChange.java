package org.herald.segments;

import java.time.LocalDate;

/**
 * How engagement changed between the snapshot of {@code since} and now: contacts new since then
 * (split by today's group), moves between the groups, and contacts unsubscribed since then.
 * {@code since} is null when no snapshot that old exists yet (all numbers are then 0).
 */
public record EngagementChange(LocalDate since, long newEngaged, long newUnengaged, long becameEngaged,
        long becameUnengaged, long unsubscribed) {
}
