package org.herald.segments;

import java.util.Objects;

/**
 * A parsed, valid condition tree: its canonical JSON form and its textual form. Produced by
 * {@link SegmentService#parse} and {@link SegmentService#parseText}; either form parses back to an
 * equal condition.
 */
public final class Condition {

    private final String json;
    private final String text;

    private Condition(String json, String text) {
        this.json = Objects.requireNonNull(json, "json");
        this.text = Objects.requireNonNull(text, "text");
    }

    /** For implementations of {@link SegmentService}: a condition already validated. */
    public static Condition of(String json, String text) {
        return new Condition(json, text);
    }

    /** The canonical JSON form, e.g. {@code {"and":[{"tag":"vip"},{"field":"age","op":"gte","value":30}]}}. */
    public String json() {
        return json;
    }

    /** The textual form, e.g. {@code tag vip and age >= 30}. */
    public String text() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Condition c && c.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
