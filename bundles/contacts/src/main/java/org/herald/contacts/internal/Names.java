package org.herald.contacts.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.herald.common.ValidationException;

/** Rules for the names admins give to fields, lists and tags, and for language codes. */
final class Names {

    /** Names a custom field can never take: CSV import columns, JSON members and system values. */
    static final Set<String> RESERVED_FIELD_NAMES = Set.of("email", "status", "tags", "lists", "id", "score", "stage",
            "engagement", "monitored", "created", "updated", "deleted", "deletedat", "fields");

    static final int MAX_FIELD_NAME = 60; // cf_ + 60 stays within PostgreSQL's 63-character identifiers

    private static final Pattern LIST_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N} _.:-]{1,64}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private Names() {
    }

    static String fieldName(String name) {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", name, "a field needs a name of lower-case letters a-z");
        }
        if (name.matches("[a-z]+")) {
            if (name.length() > MAX_FIELD_NAME) {
                throw new ValidationException("name", name, "field name '" + name + "' is longer than " + MAX_FIELD_NAME
                        + " letters");
            }
            if (RESERVED_FIELD_NAMES.contains(name)) {
                throw new ValidationException("name", name, "field name '" + name + "' is reserved; reserved names are "
                        + String.join(", ", new java.util.TreeSet<>(RESERVED_FIELD_NAMES)) + ". Choose another name");
            }
            return name;
        }
        String why;
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            why = "has upper-case letters (names are not folded: use '" + name.toLowerCase(Locale.ROOT) + "' if you mean it)";
        } else if (name.chars().anyMatch(Character::isDigit)) {
            why = "has digits";
        } else if (name.chars().anyMatch(Character::isWhitespace)) {
            why = "has spaces";
        } else {
            why = "has characters other than the letters a-z";
        }
        throw new ValidationException("name", name, "field name '" + name + "' " + why
                + ": field names use only the lower-case letters a-z, no digits, spaces or other characters");
    }

    static String listName(String name) {
        if (name == null || !LIST_NAME.matcher(name).matches()) {
            throw new ValidationException("name", name, "list name '" + name + "' is not valid: use 1-64 lower-case "
                    + "letters, digits, '-' and '_', starting with a letter or digit (e.g. news, offers-2026)");
        }
        return name;
    }

    /** The normalised tag (trimmed, lower-cased). */
    static String tag(String raw) {
        String tag = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            throw new ValidationException("tags", raw, "tag '" + raw + "' is not valid: use 1-64 letters, digits, "
                    + "spaces, '-', '_', '.' and ':'");
        }
        return tag;
    }

    static String language(String raw) {
        if (raw == null || !LANGUAGE.matcher(raw).matches()) {
            throw new ValidationException("language", raw, "language '" + raw + "' is not a language code such as en, et or pt-BR");
        }
        return raw;
    }
}
