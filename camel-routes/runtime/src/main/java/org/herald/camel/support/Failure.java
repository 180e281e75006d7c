package org.herald.camel.support;

import java.sql.SQLException;

import org.herald.common.HeraldException;
import org.herald.common.TransientException;

/** What a failure means for a queued message: park it at once, retry it, or retry a little. */
public enum Failure {
    /** The input is wrong: retrying cannot help, so the message is parked at once with the reason. */
    REJECTED,
    /** Database unavailable, a race lost: the input may be fine, so the message is redelivered. */
    TRANSIENT,
    /** Neither (a bug, most likely): a few redeliveries, then parked with a log reference. */
    UNEXPECTED;

    /** How deep the cause chain is searched for a database failure nobody translated. */
    private static final int CAUSE_DEPTH = 16;

    /** The kind of {@code failure}: its own type first, then its cause chain for a database failure. */
    public static Failure of(Throwable failure) {
        if (failure instanceof TransientException) {
            return TRANSIENT;
        }
        // RejectedException and its subclasses; a plain HeraldException (older extensions) counts as
        // rejected too, as it always did
        if (failure instanceof HeraldException) {
            return REJECTED;
        }
        // a database failure that escaped translation (a JPA exception around an SQLException) is
        // still the database: retried like a StoreException, not parked as a bug
        Throwable t = failure;
        for (int depth = 0; t != null && depth < CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof TransientException || t instanceof SQLException) {
                return TRANSIENT;
            }
        }
        return UNEXPECTED;
    }
}
