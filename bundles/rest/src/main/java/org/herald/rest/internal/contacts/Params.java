package org.herald.rest.internal.contacts;

import javax.ws.rs.NotAuthorizedException;
import javax.ws.rs.core.SecurityContext;

import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.rest.internal.error.Errors;

/**
 * Query parameters are taken as strings and parsed here, so a bad value is a 400 naming the
 * parameter (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
final class Params {

    private Params() {
    }

    static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(name, value, "'" + name + "' must be a whole number, not '" + value + "'");
        }
    }

    static boolean bool(String name, String value) {
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

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The change context of an API call: source API, the authenticated user as actor. */
    static ChangeContext api(SecurityContext security) {
        if (security == null || security.getUserPrincipal() == null) {
            // The auth filter always sets a principal; without one the request must not change anything.
            throw new NotAuthorizedException(Errors.CHALLENGE);
        }
        return ChangeContext.api(security.getUserPrincipal().getName());
    }
}
