package org.herald.bounce.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An immutable, ordered block of header fields: a message's headers, or one block of a
 * {@code message/delivery-status} or {@code message/feedback-report} part. Names are matched
 * case-insensitively; values are unfolded (one line) and trimmed, with RFC 2047 words decoded where
 * the field is free text.
 */
public final class HeaderBlock {

    /** One field as it appeared. */
    public record Field(String name, String value) {
    }

    private static final HeaderBlock EMPTY = new HeaderBlock(List.of());

    private final List<Field> fields;

    private HeaderBlock(List<Field> fields) {
        this.fields = Collections.unmodifiableList(fields);
    }

    public static HeaderBlock empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** All fields in order. */
    public List<Field> fields() {
        return fields;
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** Whether a field of this name is present. */
    public boolean has(String name) {
        return first(name).isPresent();
    }

    /** The value of the first field of this name. */
    public Optional<String> first(String name) {
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                return Optional.of(f.value());
            }
        }
        return Optional.empty();
    }

    /** The value of the first field of this name, or {@code ""}. */
    public String get(String name) {
        return first(name).orElse("");
    }

    /** The values of every field of this name, in order. */
    public List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().equalsIgnoreCase(name)) {
                out.add(f.value());
            }
        }
        return out;
    }

    /** The values of every field whose name starts with the prefix (e.g. {@code X-Postfix-}). */
    public List<Field> withPrefix(String prefix) {
        String p = prefix.toLowerCase(Locale.ROOT);
        List<Field> out = new ArrayList<>();
        for (Field f : fields) {
            if (f.name().toLowerCase(Locale.ROOT).startsWith(p)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return fields.toString();
    }

    /** Collects fields in order. */
    public static final class Builder {
        private final List<Field> fields = new ArrayList<>();

        private Builder() {
        }

        public Builder add(String name, String value) {
            if (name != null && !name.isBlank()) {
                fields.add(new Field(name.trim(), value == null ? "" : value.trim()));
            }
            return this;
        }

        public HeaderBlock build() {
            return fields.isEmpty() ? EMPTY : new HeaderBlock(new ArrayList<>(fields));
        }
    }
}
