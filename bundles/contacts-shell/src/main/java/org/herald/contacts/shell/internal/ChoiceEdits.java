package org.herald.contacts.shell.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.contacts.Choice;
import org.herald.shell.Args;

/** Turns the values and {@code --label value:lang=text} options of field-choices into a choice list. */
public final class ChoiceEdits {

    private ChoiceEdits() {
    }

    /**
     * The new choices of a field. Given values replace the current ones (in the order given); with no
     * values the current ones stay. A value keeps the labels it already had, and each label option
     * sets one language ({@code value:lang=} with an empty text removes that language). A label for
     * a value that is not among the new choices is an error naming it.
     */
    public static List<Choice> apply(String field, List<Choice> current, List<String> values,
            Map<String, Map<String, String>> labels) {
        Map<String, Map<String, String>> existing = new LinkedHashMap<>();
        for (Choice c : current) {
            existing.put(c.value(), c.labels());
        }
        Set<String> newValues = new LinkedHashSet<>(values == null || values.isEmpty()
                ? existing.keySet()
                : Args.names(values));
        for (String value : labels.keySet()) {
            if (!newValues.contains(value)) {
                throw new ValidationException("--label", value, "--label for '" + value + "', which is not a choice of field "
                        + field + ": its choices " + (values == null || values.isEmpty() ? "are " : "would be ")
                        + String.join(", ", newValues));
            }
        }
        List<Choice> result = new ArrayList<>();
        for (String value : newValues) {
            Map<String, String> merged = new LinkedHashMap<>(existing.getOrDefault(value, Map.of()));
            labels.getOrDefault(value, Map.of()).forEach((lang, text) -> {
                if (text.isEmpty()) {
                    merged.remove(lang);
                } else {
                    merged.put(lang, text);
                }
            });
            result.add(new Choice(value, merged));
        }
        return result;
    }
}
