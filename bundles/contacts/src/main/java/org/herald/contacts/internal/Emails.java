package org.herald.contacts.internal;

import java.util.Locale;

import org.herald.common.ValidationException;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Validates and normalises e-mail addresses (Jakarta Mail's strict RFC 822 parser, then Herald's
 * own rules: a bare address, a domain with a dot) and computes the uniqueness key.
 */
public final class Emails {

    static final int MAX_LENGTH = 254;

    /** The stored address (trimmed, domain lower-cased) and its uniqueness key. */
    public record Address(String email, String key) {
    }

    private final boolean caseSensitiveLocalPart;

    Emails(boolean caseSensitiveLocalPart) {
        this.caseSensitiveLocalPart = caseSensitiveLocalPart;
    }

    Address normalize(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new ValidationException("email", raw, "email: an e-mail address is required");
        }
        String s = raw.strip();
        if (s.length() > MAX_LENGTH) {
            throw invalid(raw, "longer than " + MAX_LENGTH + " characters");
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
        int at = s.lastIndexOf('@');
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

    private static ValidationException invalid(String raw, String why) {
        return new ValidationException("email", raw,
                "email: '" + raw + "' is not a valid e-mail address (" + why + "); expected e.g. ann@example.com");
    }
}
