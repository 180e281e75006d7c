package org.herald.contacts;

/**
 * The contact's single opt-in status for the whole installation (shown as a colour in the UI).
 */
public enum OptInStatus {
    /** Grey: nothing known about consent. */
    UNKNOWN,
    /** Yellow: awaiting confirmation (double opt-in). */
    PENDING,
    /** Green: consent given. */
    CONFIRMED,
    /** Red: consent withdrawn; no marketing mail until the contact opts in again themselves. */
    UNSUBSCRIBED,
    /** Blue: the address is not in use (hard bounces). */
    INACTIVE;

    /** Whether only the contact's own act (form plus confirmation, preference page) may leave this status. */
    public boolean isLocked() {
        return this == UNSUBSCRIBED || this == INACTIVE;
    }

    /** Parses a status name case-insensitively; {@code null} for a blank value. */
    public static OptInStatus parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.herald.common.ValidationException("status", value,
                    "unknown opt-in status '" + value + "': use one of UNKNOWN, PENDING, CONFIRMED, UNSUBSCRIBED, INACTIVE");
        }
    }
}
