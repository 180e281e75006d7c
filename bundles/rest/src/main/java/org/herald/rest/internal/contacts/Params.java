package org.herald.rest.internal.contacts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.rest.internal.error.Errors;

/**
 * Query parameters are taken as strings and parsed here, so a bad value is a 400 naming the
 * parameter (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
public final class Params {

    private Params() {
    }

    public static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, value, "'" + name + "' must be a whole number, not '" + value + "'");
        }
    }

    public static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip();
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw new ValidationException(name, value, "'" + name + "' must be true or false, not '" + value + "'");
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /**
     * A point in time: an ISO-8601 time with offset ({@code 2026-11-30T10:15:30Z},
     * {@code 2026-11-30T12:15:30+02:00}) or a date ({@code 2026-11-30}, the start of that day in UTC);
     * null when not given.
     */
    public static Instant time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, value, "'" + name + "' must be an ISO-8601 time with offset "
                    + "(2026-11-30T10:15:30Z) or a date (2026-11-30), not '" + value + "'");
        }
    }

    /** The change context of an API call: source API, the authenticated user as actor. */
    public static ChangeContext api(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            // The auth filter always sets a principal; without one the request must not change anything.
            throw new NotAuthorizedException(Errors.CHALLENGE);
        }
        return ChangeContext.api(security.getUserPrincipal().getName());
    }
}
