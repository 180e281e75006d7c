package org.herald.contacts;

import java.util.Locale;

import org.herald.common.ValidationException;

/** The type of a custom field; fixed at creation. {@link #id()} is the name used in JSON and commands. */
public enum FieldType {
    TEXT("text"),
    /** Digits only, optionally signed: not for phone numbers. */
    NUMBER("number"),
    DECIMAL("decimal"),
    /** ISO date {@code yyyy-MM-dd}. */
    DATE("date"),
    BOOLEAN("boolean"),
    CHOICE("choice"),
    MULTICHOICE("multichoice"),
    PHONE("phone");

    private final String id;

    FieldType(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean hasChoices() {
        return this == CHOICE || this == MULTICHOICE;
    }

    /** Parses {@code text}, {@code number}, …, also accepting {@code multi-choice} and upper case. */
    public static FieldType parse(String value) {
        if (value != null) {
            String v = value.trim().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
            for (FieldType t : values()) {
                if (t.id.equals(v)) {
                    return t;
                }
            }
        }
        throw new ValidationException("type", value, "unknown field type '" + value
                + "': use one of text, number, decimal, date, boolean, choice, multichoice, phone");
    }
}
