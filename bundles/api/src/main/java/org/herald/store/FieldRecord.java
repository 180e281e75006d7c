package org.herald.store;

import java.time.Instant;
import java.util.List;

import org.herald.contacts.Choice;
import org.herald.contacts.FieldType;

/** A stored custom field definition. */
public record FieldRecord(String name, FieldType type, String label, int position, boolean visible,
        List<Choice> choices, Instant created) {
    public FieldRecord {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
