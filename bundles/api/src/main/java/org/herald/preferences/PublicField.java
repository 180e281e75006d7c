package org.herald.preferences;

import java.util.List;

import org.herald.contacts.FieldType;

/**
 * A custom field the admin marked visible, as the preference page shows it: its label, type, the
 * contact's current value as text ({@code ""} when empty; a date as {@code yyyy-MM-dd}) and, for
 * choice fields, the choices as (value, label in the page's language) pairs and the values chosen.
 */
public record PublicField(String name, String label, FieldType type, String value, List<Option> options,
        List<String> selected) {

    public PublicField {
        options = options == null ? List.of() : List.copyOf(options);
        selected = selected == null ? List.of() : List.copyOf(selected);
    }

    /** One choice of a choice field. */
    public record Option(String value, String label) {
    }
}
