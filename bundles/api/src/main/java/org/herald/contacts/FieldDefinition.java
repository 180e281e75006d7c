package org.herald.contacts;

import java.util.List;

/**
 * A custom field. {@code name} matches {@code [a-z]+} and, like {@code type}, never changes after
 * creation. {@code position} orders fields on forms and the preference page; hidden fields
 * ({@code visible == false}) never appear there. {@code system} marks Herald's reserved, read-only
 * values (score, ORDER_NUMBER, …).
 */
public record FieldDefinition(String name, FieldType type, String label, int position, boolean visible,
        List<Choice> choices, boolean system) {
    public FieldDefinition {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
