package org.herald.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.herald.common.ValidationException;

/**
 * Parsing of command-line values that Karaf hands over as plain strings. Every error is a
 * {@link ValidationException} naming the option and the value as typed, and saying how to write it.
 */
public final class Args {

    private Args() {
    }

    /**
     * {@code -f name=value} options as field values, in the order given. The value is everything
     * after the first {@code =} (it may itself contain {@code =}); an empty value clears the field
     * ({@code null}); a later option for the same field wins.
     */
    public static Map<String, Object> fieldValues(Collection<String> options, String option) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (options == null) {
            return values;
        }
        for (String raw : options) {
            int eq = raw == null ? -1 : raw.indexOf('=');
            String name = eq < 0 ? "" : raw.substring(0, eq).trim();
            if (name.isEmpty()) {
                throw new ValidationException(option, raw, "option " + option + " '" + nullToEmpty(raw)
                        + "' is not name=value: write " + option + " name=value (" + option
                        + " name= clears the field)");
            }
            String value = raw.substring(eq + 1);
            values.put(name, value.isEmpty() ? null : value);
        }
        return values;
    }

    /**
     * {@code lang=text} options (a list's public name or description per language), keyed by the
     * language code as typed. An empty text is kept as {@code ""}, meaning "remove".
     */
    public static Map<String, String> languageTexts(Collection<String> options, String option) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (options == null) {
            return texts;
        }
        for (String raw : options) {
            int eq = raw == null ? -1 : raw.indexOf('=');
            String lang = eq < 0 ? "" : raw.substring(0, eq).trim();
            if (!isLanguage(lang)) {
                throw new ValidationException(option, raw, "option " + option + " '" + nullToEmpty(raw)
                        + "' is not lang=text: write e.g. " + option + " en=\"Weekly news\"");
            }
            texts.put(lang, raw.substring(eq + 1).trim());
        }
        return texts;
    }

    /**
     * {@code value:lang=text} options (labels of a choice value), keyed by choice value, then by
     * language. The value is everything before the first {@code :}, the language everything between
     * that and the first {@code =} after it.
     */
    public static Map<String, Map<String, String>> choiceLabels(Collection<String> options, String option) {
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        if (options == null) {
            return labels;
        }
        for (String raw : options) {
            int colon = raw == null ? -1 : raw.indexOf(':');
            int eq = colon < 0 ? -1 : raw.indexOf('=', colon + 1);
            String value = colon < 0 ? "" : raw.substring(0, colon).trim();
            String lang = eq < 0 ? "" : raw.substring(colon + 1, eq).trim();
            if (value.isEmpty() || !isLanguage(lang)) {
                throw new ValidationException(option, raw, "option " + option + " '" + nullToEmpty(raw)
                        + "' is not value:lang=text: write e.g. " + option + " s:en=Small");
            }
            labels.computeIfAbsent(value, v -> new LinkedHashMap<>())
                    .put(lang, raw.substring(eq + 1).trim());
        }
        return labels;
    }

    /** A CSV delimiter: one character, or {@code tab} / {@code \t}. */
    public static char delimiter(String raw, String option) {
        if (raw == null) {
            return ',';
        }
        if ("\\t".equals(raw) || "tab".equalsIgnoreCase(raw) || "\t".equals(raw)) {
            return '\t';
        }
        if (raw.length() != 1 || raw.charAt(0) == '"' || raw.charAt(0) == '\n' || raw.charAt(0) == '\r') {
            throw new ValidationException(option, raw, "option " + option + " '" + raw
                    + "' is not a delimiter: give one character such as , or ; or tab");
        }
        return raw.charAt(0);
    }

    /** {@code true}/{@code false} (also yes/no), or {@code null} when not given. */
    public static Boolean bool(String raw, String option) {
        if (raw == null) {
            return null;
        }
        switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y":
                return Boolean.TRUE;
            case "false", "no", "n":
                return Boolean.FALSE;
            default:
                throw new ValidationException(option, raw, "option " + option + " '" + raw
                        + "' must be true or false");
        }
    }

    /** A whole number, or {@code fallback} when not given. */
    public static Integer integer(String raw, String option, Integer fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(option, raw, "option " + option + " '" + raw + "' must be a whole number");
        }
    }

    /** Values of a multi-valued option without blanks and duplicates, in the order given. */
    public static Set<String> names(Collection<String> values) {
        Set<String> names = new LinkedHashSet<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    names.add(v.trim());
                }
            }
        }
        return names;
    }

    /** Like {@link #names} but as a list, for service methods that take one. */
    public static List<String> nameList(Collection<String> values) {
        return new ArrayList<>(names(values));
    }

    private static boolean isLanguage(String lang) {
        return lang.matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
