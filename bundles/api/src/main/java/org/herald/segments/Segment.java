package org.herald.segments;

import java.time.Instant;

/**
 * A segment: a name, an optional parent list (the segment is then a subset of its members) and a
 * condition. {@code predefined} names the built-in definition of a predefined segment (null for an
 * admin's own segment); predefined segments cannot be changed, only copied.
 */
public record Segment(String name, String parentList, Condition condition, String description, String predefined,
        Instant created, Instant updated) {

    public boolean isPredefined() {
        return predefined != null;
    }
}
