package org.herald.rest.internal.contacts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.common.ValidationException;
import org.herald.contacts.Choice;
import org.herald.contacts.FieldDefinition;

/** Field definitions as the API shows and takes them. */
public final class FieldJson {

    private FieldJson() {
    }

    /** A field: {@code type} is the id ({@code number}, {@code multichoice}, …). */
    public record Field(String name, String type, String label, int position, boolean visible, List<ChoiceJson> choices,
            boolean system) {
        public static Field of(FieldDefinition f) {
            return new Field(f.name(), f.type().id(), f.label(), f.position(), f.visible(),
                    f.choices().stream().map(ChoiceJson::of).toList(), f.system());
        }
    }

    /** A choice value with its labels per language. */
    public record ChoiceJson(String value, Map<String, String> labels) {
        public static ChoiceJson of(Choice c) {
            return new ChoiceJson(c.value(), c.labels());
        }

        Choice toChoice(String property) {
            if (value == null || value.isBlank()) {
                throw new ValidationException(property + ".value", value, "every choice needs a non-empty 'value'");
            }
            Map<String, String> copy = new LinkedHashMap<>();
            if (labels != null) {
                labels.forEach((lang, text) -> {
                    if (text == null) {
                        throw new ValidationException(property + ".labels." + lang, null,
                                "the label of choice '" + value + "' in '" + lang + "' must be a string, not null");
                    }
                    copy.put(lang, text);
                });
            }
            return new Choice(value, copy);
        }
    }

    /** {@code POST /fields}. */
    public record FieldInput(String name, String type, String label, List<ChoiceJson> choices, Integer position,
            Boolean visible) {
    }

    /** {@code PATCH /fields/{name}}: name and type are accepted only to say they cannot change. */
    public record FieldPatch(String label, Integer position, Boolean visible, String name, String type) {
    }

    /** {@code PUT /fields/{name}/choices} in its object form. */
    public record ChoicesInput(List<ChoiceJson> choices) {
    }

    static List<Choice> choices(List<ChoiceJson> choices) {
        if (choices == null) {
            return List.of();
        }
        List<Choice> result = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            ChoiceJson c = choices.get(i);
            if (c == null) {
                throw new ValidationException("choices[" + i + "]", null, "a choice must be an object, not null");
            }
            result.add(c.toChoice("choices[" + i + "]"));
        }
        return result;
    }
}
