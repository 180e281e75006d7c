package org.herald.contacts.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import org.herald.common.ValidationException;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Validates and normalises e-mail addresses and computes the uniqueness key: Unicode NFC first (so
 * an address typed with a precomposed or a combining accent is one address), Herald's own
 * refusals (invisible and bidirectional control characters, unquoted backslashes, more than 64
 * octets in the local part or 254 in the address), Jakarta Mail's strict RFC 822 parser, then a
 * bare address with a domain that has a dot.
 */
public final class Emails {

    /** Octets (UTF-8) of a whole address, RFC 5321's path limit less the angle brackets. */
    static final int MAX_LENGTH = 254;
    /** Octets (UTF-8) of the local part (RFC 5321, 4.5.3.1.1). */
    static final int MAX_LOCAL_PART = 64;

    /** The stored address (trimmed, domain lower-cased) and its uniqueness key. */
    public record Address(String email, String key) {
    }

    private final boolean caseSensitiveLocalPart;

    Emails(boolean caseSensitiveLocalPart) {
        this.caseSensitiveLocalPart = caseSensitiveLocalPart;
    }

    boolean isCaseSensitiveLocalPart() {
        return caseSensitiveLocalPart;
    }

    Address normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ValidationException("email", raw, "email: an e-mail address is required");
        }
        String s = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        String hidden = hiddenCharacter(s);
        if (hidden != null) {
            throw invalid(raw, "it contains " + hidden + ", which does not show on screen; type the address again");
        }
        int at = s.lastIndexOf('@');
        if (unquotedBackslash(at < 0 ? s : s.substring(0, at)) || at >= 0 && s.indexOf('\\', at) >= 0) {
            throw invalid(raw, "a backslash is only allowed inside a quoted local part (\"a\\\\b\"@example.com)");
        }
        int octets = s.getBytes(StandardCharsets.UTF_8).length;
        if (octets > MAX_LENGTH) {
            throw invalid(raw, "it is " + octets + " octets long; an address has at most " + MAX_LENGTH);
        }
        if (at > 0) {
            int local = s.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
            if (local > MAX_LOCAL_PART) {
                throw invalid(raw, "the part before '@' is " + local + " octets long; it has at most " + MAX_LOCAL_PART);
            }
        }
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(s, true);
        } catch (AddressException e) {
            throw invalid(raw, e.getMessage());
        }
        if (parsed.isGroup() || parsed.getPersonal() != null || !s.equals(parsed.getAddress())) {
            throw invalid(raw, "give the bare address, without a name or angle brackets");
        }
        if (at <= 0) {
            throw invalid(raw, "the '@domain' part is missing");
        }
        String domain = s.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
            throw invalid(raw, "the domain '" + domain + "' is not a full domain name");
        }
        String email = s.substring(0, at) + "@" + domain;
        return new Address(email, caseSensitiveLocalPart ? email : email.toLowerCase(Locale.ROOT));
    }

    /**
     * The first character that is invisible or reorders text (format characters such as U+200B
     * ZERO WIDTH SPACE, U+202E RIGHT-TO-LEFT OVERRIDE, U+FEFF; controls; line and paragraph
     * separators), named as {@code U+202E (a bidirectional control)}; null when there is none.
     */
    static String hiddenCharacter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (type == Character.FORMAT || type == Character.CONTROL || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR) {
                byte dir = Character.getDirectionality(cp);
                boolean bidi = dir == Character.DIRECTIONALITY_LEFT_TO_RIGHT_EMBEDDING
                        || dir == Character.DIRECTIONALITY_LEFT_TO_RIGHT_OVERRIDE
                        || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_EMBEDDING
                        || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_OVERRIDE
                        || dir == Character.DIRECTIONALITY_POP_DIRECTIONAL_FORMAT
                        || dir == Character.DIRECTIONALITY_LEFT_TO_RIGHT_ISOLATE
                        || dir == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ISOLATE
                        || dir == Character.DIRECTIONALITY_FIRST_STRONG_ISOLATE
                        || dir == Character.DIRECTIONALITY_POP_DIRECTIONAL_ISOLATE
                        || cp == 0x200E || cp == 0x200F || cp == 0x061C;
                String name = Character.getName(cp);
                return String.format("U+%04X%s (%s)", cp, name == null ? "" : " " + name,
                        bidi ? "a bidirectional control" : type == Character.CONTROL ? "a control character"
                                : "an invisible character");
            }
            i += Character.charCount(cp);
        }
        return null;
    }

    /** Whether a backslash occurs outside a quoted string of the local part. */
    private static boolean unquotedBackslash(String local) {
        boolean quoted = false;
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\\') {
                if (!quoted) {
                    return true;
                }
                i++; // a quoted pair: the next character is taken as it is
            }
        }
        return false;
    }

    private static ValidationException invalid(String raw, String why) {
        return new ValidationException("email", raw, "email: '" + Printable.escape(raw) + "' is not a valid e-mail address ("
                + why + "); expected e.g. ann@example.com");
    }
}
