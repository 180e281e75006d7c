package org.herald.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A contact's timeline in brief, for the contact card: counts per type, the last activity, the latest events. */
public final class EventSummary {

    private final long total;
    private final Map<String, Long> countsByType;
    private final Instant lastActivity;
    private final List<ContactEvent> latest;

    private EventSummary(long total, Map<String, Long> countsByType, Instant lastActivity, List<ContactEvent> latest) {
        this.total = total;
        this.countsByType = Collections.unmodifiableMap(new LinkedHashMap<>(countsByType));
        this.lastActivity = lastActivity;
        this.latest = List.copyOf(latest);
    }

    public static EventSummary of(long total, Map<String, Long> countsByType, Instant lastActivity,
            List<ContactEvent> latest) {
        return new EventSummary(total, countsByType, lastActivity, latest);
    }

    public long total() {
        return total;
    }

    /** Number of events per type, most frequent first. */
    public Map<String, Long> countsByType() {
        return countsByType;
    }

    /** When the contact last did something that counts as activity ({@link EventTypes#isActivity}), or null. */
    public Instant lastActivity() {
        return lastActivity;
    }

    /** The newest few events. */
    public List<ContactEvent> latest() {
        return latest;
    }
}
