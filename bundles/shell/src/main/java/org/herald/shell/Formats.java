package org.herald.shell;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.herald.contacts.Choice;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.Contact;
import org.herald.contacts.ListText;

/** How values look on the console: one place, so every command shows them alike. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** {@code <id> <email>}: how a contact is named in messages. */
    public static String contact(Contact c) {
        return escape(c.id() + " " + c.email());
    }

    /**
     * Text as it may go to a terminal on one line: control characters (C0 with line breaks and tabs,
     * DEL, C1), invisible format characters (U+200B, the bidirectional controls U+202A-U+202E and
     * U+2066-U+2069, U+FEFF…) and line separators are written as {@code \n}, {@code \t} or
     * {@code \\u} with four hex digits (ESC as {@code \\u001b}), so no value can move the cursor, clear the screen or reorder what is shown. Since 1.1.
     */
    public static String escape(String text) {
        return escapeControls(text, true);
    }

    /**
     * {@link #escape}, or with {@code oneLine == false} only what acts on a terminal (line breaks,
     * carriage returns and tabs pass): what every command's output goes through. Since 1.1.
     */
    public static String escapeControls(String text, boolean oneLine) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String shown = null;
            if (c == '\n' || c == '\r' || c == '\t') {
                if (oneLine) {
                    shown = c == '\n' ? "\\n" : c == '\r' ? "\\r" : "\\t";
                }
            } else if (c < 0x20 || c >= 0x7f && c < 0xa0 || oneLine && isInvisible(c)) {
                shown = String.format("\\u%04x", (int) c);
            }
            if (shown != null && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b != null) {
                b.append(shown != null ? shown : String.valueOf(c));
            }
        }
        return b == null ? text : b.toString();
    }

    private static boolean isInvisible(char c) {
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** A time in UTC to the second, or {@code ""}. */
    public static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** A field value: lists joined with ", ", decimals without exponent, nothing for null, text {@link #escape}d. */
    public static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Formats::value).collect(Collectors.joining(", "));
        }
        return escape(String.valueOf(value));
    }

    /** Names sorted and joined with ", " (tags, lists). */
    public static String names(Collection<String> names) {
        return names == null ? "" : names.stream().sorted().map(Formats::escape).collect(Collectors.joining(", "));
    }

    /** Choice values with their labels: {@code s (en=Small, et=Väike), m}. */
    public static String choices(List<Choice> choices) {
        return choices.stream().map(Formats::choice).collect(Collectors.joining(", "));
    }

    /** One choice value with its labels: {@code s (en=Small, et=Väike)}. */
    public static String choice(Choice choice) {
        if (choice.labels().isEmpty()) {
            return escape(choice.value());
        }
        return escape(choice.value()) + " (" + languageMap(choice.labels()) + ")";
    }

    /** Public names per language: {@code en=News, et=Uudised}. */
    public static String publicNames(Map<String, ListText> texts) {
        Map<String, String> names = new TreeMap<>();
        texts.forEach((lang, text) -> {
            if (text != null && text.publicName() != null && !text.publicName().isBlank()) {
                names.put(lang, text.publicName());
            }
        });
        return languageMap(names);
    }

    /** {@code en=Small, et=Väike}, languages sorted. */
    public static String languageMap(Map<String, String> byLanguage) {
        return new TreeMap<>(byLanguage).entrySet().stream().map(e -> escape(e.getKey() + "=" + e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** What a ledger entry changed: {@code UNKNOWN -> CONFIRMED}, {@code +news}, {@code -news}. */
    public static String consentChange(ConsentEntry e) {
        if (e.action() == null) {
            return "";
        }
        return switch (e.action()) {
            case STATUS_CHANGED -> (e.fromStatus() == null ? "(none)" : e.fromStatus().name()) + " -> "
                    + (e.toStatus() == null ? "(none)" : e.toStatus().name());
            case LIST_SUBSCRIBED -> "+" + escape(e.list());
            case LIST_UNSUBSCRIBED -> "-" + escape(e.list());
            case CHOICES_CHANGED -> e.detail() == null ? "" : escape(e.detail());
            // an action added by a newer core: its name, rather than a failing console
            default -> e.action().name();
        } + (e.messageId() == 0 ? "" : " (message " + e.messageId() + ")");
    }

    /** The proof recorded with a ledger entry: {@code ip=…, form=…, ua=…, text=v2}, only what is set. */
    public static String consentProof(ConsentEntry e) {
        StringBuilder b = new StringBuilder();
        append(b, "ip", e.ip());
        append(b, "form", e.formId());
        append(b, "text", e.consentTextVersion());
        append(b, "ua", e.userAgent());
        return b.toString();
    }

    /** Cuts {@code text} to {@code max} characters, ending with "…" when cut. */
    public static String abbreviate(String text, int max) {
        if (text == null || text.length() <= max) {
            return text == null ? "" : text;
        }
        return text.substring(0, Math.max(0, max - 1)) + "…";
    }

    /** {@code 1 contact}, {@code 2 contacts}. */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    private static void append(StringBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            b.append(key).append('=').append(escape(value));
        }
    }
}
