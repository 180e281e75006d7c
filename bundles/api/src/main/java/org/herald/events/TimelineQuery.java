package org.herald.events;

import java.time.Instant;
import java.util.Set;

/**
 * Which events of a contact's timeline to read: by type (empty = all), in a time window
 * ({@code since} inclusive, {@code until} exclusive, null = open), newest first, paged.
 */
public final class TimelineQuery {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private final Set<String> types;
    private final Instant since;
    private final Instant until;
    private final int offset;
    private final int limit;

    private TimelineQuery(Set<String> types, Instant since, Instant until, int offset, int limit) {
        this.types = types == null ? Set.of() : Set.copyOf(types);
        this.since = since;
        this.until = until;
        this.offset = offset;
        this.limit = limit;
    }

    /** The newest {@value #DEFAULT_LIMIT} events of every type. */
    public static TimelineQuery latest() {
        return new TimelineQuery(Set.of(), null, null, 0, DEFAULT_LIMIT);
    }

    public TimelineQuery withTypes(Set<String> value) {
        return new TimelineQuery(value, since, until, offset, limit);
    }

    public TimelineQuery withSince(Instant value) {
        return new TimelineQuery(types, value, until, offset, limit);
    }

    public TimelineQuery withUntil(Instant value) {
        return new TimelineQuery(types, since, value, offset, limit);
    }

    public TimelineQuery withPage(int newOffset, int newLimit) {
        return new TimelineQuery(types, since, until, newOffset, newLimit);
    }

    public Set<String> types() {
        return types;
    }

    public Instant since() {
        return since;
    }

    public Instant until() {
        return until;
    }

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }
}
