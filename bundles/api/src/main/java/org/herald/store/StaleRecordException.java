package org.herald.store;

import org.herald.common.ConflictException;

/** The record changed (or disappeared) since it was read; re-read and retry. */
public class StaleRecordException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public StaleRecordException(String message) {
        super(message);
    }
}
