package org.herald.store;

import org.herald.common.TransientException;

/**
 * The database failed (connection lost, disk full, …): not the caller's input, and retrying later
 * can succeed. The message names what the store was doing and may carry the driver's text; the
 * cause holds the driver's exception. Both are for the log only: interfaces show a generic
 * "temporarily unavailable" text with a log reference (see {@link TransientException}).
 */
public class StoreException extends TransientException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
