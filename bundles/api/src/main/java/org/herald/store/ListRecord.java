package org.herald.store;

import java.time.Instant;
import java.util.Map;

import org.herald.contacts.ListText;

/** A stored list with its per-language texts and its number of live members. */
public record ListRecord(String name, Map<String, ListText> texts, long members, Instant created) {
    public ListRecord {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }
}
