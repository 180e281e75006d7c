package org.herald.store;

import org.herald.common.ConflictException;

/** A write would give a second contact the same uniqueness key (another writer got there first). */
public class DuplicateKeyException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message) {
        super(message);
    }
}
