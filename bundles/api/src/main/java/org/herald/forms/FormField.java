package org.herald.forms;

import java.util.Map;

/**
 * A contact field a form asks for: the field's name ({@code email} or a custom field), whether the
 * form requires it, and the label the form shows, per language (the field's own label when none).
 */
public record FormField(String name, boolean required, Map<String, String> labels) {

    public FormField {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public FormField(String name, boolean required) {
        this(name, required, Map.of());
    }
}
