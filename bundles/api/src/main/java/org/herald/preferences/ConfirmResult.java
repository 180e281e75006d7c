package org.herald.preferences;

/**
 * The answer to a double opt-in confirmation: the outcome and the page's language (the contact's,
 * or {@code null} when the token is not genuine).
 */
public record ConfirmResult(Outcome outcome, String language) {

    public enum Outcome {
        /** The link is genuine and the contact can confirm (nothing changed yet). */
        WAITING,
        /** The contact was PENDING (or had left) and is CONFIRMED now. */
        CONFIRMED,
        /** The contact was CONFIRMED already: a second click changes nothing. */
        ALREADY_CONFIRMED,
        /** The link is genuine but too old; the contact may ask for a new one. */
        EXPIRED,
        /** Unknown, tampered or for another purpose, or the contact is gone. */
        INVALID
    }
}
