package org.herald.store;

import org.herald.common.TransientException;

/**
 * A write would give a second contact the same uniqueness key: another writer got there first.
 * A race, not a wrong input: the caller re-reads (and then finds the other contact) and retries.
 * Since 2.0 it is a {@link TransientException}, no longer a {@code ConflictException}; a caller
 * that gives up turns it into the business error that fits (an address taken is a
 * {@code ConflictException}).
 */
public class DuplicateKeyException extends TransientException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message) {
        super(message);
    }
}
