package org.herald.store;

import org.herald.common.TransientException;

/**
 * The record changed (or disappeared) since it was read: re-read and retry. Since 2.0 it is a
 * {@link TransientException}, no longer a {@code ConflictException}.
 */
public class StaleRecordException extends TransientException {
    private static final long serialVersionUID = 1L;

    public StaleRecordException(String message) {
        super(message);
    }
}
