package org.herald.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The fields of a form post, in order, each with all its values. */
public final class FormBody {

    private final Map<String, List<String>> values;

    public FormBody(Map<String, List<String>> values) {
        this.values = Map.copyOf(values);
    }

    /** The first value of {@code name}, or {@code null}. */
    public String first(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Every value of {@code name} (empty when absent). */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public Set<String> names() {
        return values.keySet();
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }
}
