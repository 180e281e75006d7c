package org.herald.forms;

import java.util.Map;

/**
 * What became of a post. A subscriber learns whether it was accepted and, if not, what to correct,
 * never whether the address was known: ACCEPTED is the answer for a new address, a known one, one
 * already subscribed and one that cannot be mailed alike.
 */
public record FormResult(Outcome outcome, Map<String, String> errors) {

    public enum Outcome {
        /** Taken: a confirmation message is on its way (double opt-in) or the subscription is done. */
        ACCEPTED,
        /** Refused: {@link FormResult#errors()} names each field and why. */
        INVALID
    }

    public FormResult {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }

    public static FormResult accepted() {
        return new FormResult(Outcome.ACCEPTED, Map.of());
    }

    public static FormResult invalid(Map<String, String> errors) {
        return new FormResult(Outcome.INVALID, errors);
    }
}
