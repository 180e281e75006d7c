package org.herald.contacts;

import java.util.Map;

/** A value of a choice field with its labels per language ({@code en}, {@code et}, …). */
public record Choice(String value, Map<String, String> labels) {
    public Choice {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
