package org.herald.contacts.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.herald.common.ValidationException;
import org.herald.contacts.Choice;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldType;
import org.herald.store.FieldRecord;

/**
 * Validation and conversion of custom field values, shared by single upserts and the CSV import.
 * Input is a string (console, CSV) or a JSON value (REST, queue); the result is the stored Java
 * type (see {@link org.herald.store.ContactStore}). Every error names the field and the value.
 */
final class FieldValues {

    /** Herald's computed values: listed by FieldService, never set through input. */
    static final List<FieldDefinition> SYSTEM_FIELDS = List.of(
            new FieldDefinition("score", FieldType.NUMBER, "Score", 0, false, List.of(), true),
            new FieldDefinition("ORDER_NUMBER", FieldType.NUMBER, "Orders", 0, false, List.of(), true),
            new FieldDefinition("ORDER_SUMMARY", FieldType.DECIMAL, "Order total", 0, false, List.of(), true),
            new FieldDefinition("ORDER_AVG", FieldType.DECIMAL, "Average order", 0, false, List.of(), true));

    static final int MAX_TEXT = 4000;
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-]+");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private FieldValues() {
    }

    static boolean isSystem(String name) {
        return SYSTEM_FIELDS.stream().anyMatch(f -> f.name().equalsIgnoreCase(name));
    }

    /** The definition of an input field name, or a ValidationException that lists the known ones. */
    static FieldRecord definition(Map<String, FieldRecord> fields, String name, Object value) {
        FieldRecord f = fields.get(name);
        if (f != null) {
            return f;
        }
        if (isSystem(name)) {
            throw new ValidationException(name, text(value), "field '" + name + "' is a system value Herald computes; "
                    + "it is read-only");
        }
        throw new ValidationException(name, text(value), "unknown field '" + name + "': known fields are "
                + (fields.isEmpty() ? "(none yet)" : String.join(", ", fields.keySet())) + "; create it first (field-add)");
    }

    /** The stored value, or null when the input clears the field (null or blank). */
    static Object convert(FieldRecord f, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            return null;
        }
        return switch (f.type()) {
            case TEXT -> text(f, value);
            case NUMBER -> number(f, value);
            case DECIMAL -> decimal(f, value);
            case DATE -> date(f, value);
            case BOOLEAN -> bool(f, value);
            case CHOICE -> choice(f, String.valueOf(value).strip(), value);
            case MULTICHOICE -> multichoice(f, value);
            case PHONE -> phone(f, value);
        };
    }

    private static String text(FieldRecord f, Object value) {
        String s = String.valueOf(value);
        if (s.length() > MAX_TEXT) {
            throw bad(f, s.substring(0, 40) + "…", "is " + s.length() + " characters long; at most " + MAX_TEXT + " fit");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            // a stored control character (ESC above all) would act on every terminal that shows it
            if (c != '\t' && Printable.isControl(c)) {
                throw bad(f, s, String.format("contains the control character U+%04X at position %d: a text value may "
                        + "hold tabs but no other control characters (no line breaks, no escape sequences)", (int) c, i + 1));
            }
        }
        return s;
    }

    private static Long number(FieldRecord f, Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        String s = value instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(value).strip();
        if (!NUMBER.matcher(s).matches()) {
            throw bad(f, String.valueOf(value), "is not a number: use digits only, optionally with a leading minus "
                    + "(e.g. 42); phone numbers belong in a phone field");
        }
        BigInteger big = new BigInteger(s);
        if (big.compareTo(LONG_MIN) < 0 || big.compareTo(LONG_MAX) > 0) {
            throw bad(f, s, "is too large for a number field (at most " + Long.MAX_VALUE + ")");
        }
        return big.longValue();
    }

    private static BigDecimal decimal(FieldRecord f, Object value) {
        String s = value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value).strip();
        if (value instanceof Double || value instanceof Float) {
            s = new BigDecimal(value.toString()).toPlainString();
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw bad(f, String.valueOf(value), "is not a decimal number: use digits with an optional '.' fraction "
                    + "(e.g. 12.50)");
        }
        BigDecimal d = plain(new BigDecimal(s));
        if (d.scale() > 8 || d.precision() - d.scale() > 23) {
            throw bad(f, s, "has too many digits (at most 23 before and 8 after the point)");
        }
        return d;
    }

    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static LocalDate date(FieldRecord f, Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        String s = String.valueOf(value).strip();
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s, DATE);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw bad(f, s, "is not a date: use yyyy-MM-dd with a real day (e.g. 1990-02-28)");
    }

    private static Boolean bool(FieldRecord f, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        String s = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw bad(f, String.valueOf(value), "is not a yes/no value: use true/false, yes/no or 1/0");
        };
    }

    private static String choice(FieldRecord f, String s, Object original) {
        for (Choice c : f.choices()) {
            if (c.value().equals(s)) {
                return c.value();
            }
        }
        for (Choice c : f.choices()) {
            if (c.value().equalsIgnoreCase(s)) {
                return c.value();
            }
        }
        throw bad(f, String.valueOf(original), "is not one of the choices " + choiceValues(f));
    }

    private static List<String> multichoice(FieldRecord f, Object value) {
        Collection<?> items;
        if (value instanceof Collection<?> c) {
            items = c;
        } else {
            items = List.of(String.valueOf(value).split("\\|"));
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (Object item : items) {
            String s = item == null ? "" : String.valueOf(item).strip();
            if (!s.isEmpty()) {
                try {
                    chosen.add(choice(f, s, item));
                } catch (ValidationException e) {
                    throw bad(f, String.valueOf(value), "has '" + s + "', which is not one of the choices " + choiceValues(f));
                }
            }
        }
        // stored in the order of the definition so that equal selections compare equal
        List<String> ordered = new ArrayList<>();
        for (Choice c : f.choices()) {
            if (chosen.contains(c.value())) {
                ordered.add(c.value());
            }
        }
        return ordered.isEmpty() ? null : ordered;
    }

    private static String phone(FieldRecord f, Object value) {
        String s = String.valueOf(value).strip();
        if (!PHONE.matcher(s).matches()) {
            throw bad(f, s, "is not a phone number: use digits with an optional leading '+', spaces, dashes, dots "
                    + "or parentheses (e.g. +372 555 1234)");
        }
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.length() < 6 || digits.length() > 15) {
            throw bad(f, s, "has " + digits.length() + " digits; a phone number has 6 to 15");
        }
        return (s.startsWith("+") ? "+" : "") + digits;
    }

    private static String choiceValues(FieldRecord f) {
        return f.choices().stream().map(Choice::value).toList().toString();
    }

    private static ValidationException bad(FieldRecord f, String value, String why) {
        return new ValidationException(f.name(), value, "field '" + f.name() + "' (" + f.type().id() + "): '"
                + Printable.escape(value) + "' " + why);
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    /** The JSON-ready value of the API's {@link org.herald.contacts.Contact}: dates as ISO strings. */
    static Object toApi(Object stored) {
        return stored instanceof LocalDate d ? d.toString() : stored;
    }

    /** The value as one CSV cell (multi-choice joined with '|'), the form the importer reads back. */
    static String toCell(Object stored) {
        if (stored == null) {
            return "";
        }
        if (stored instanceof List<?> l) {
            return String.join("|", l.stream().map(String::valueOf).toList());
        }
        if (stored instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(stored);
    }
}
