package org.herald.store;

import org.herald.common.HeraldException;

/** The database failed (connection lost, disk full, …): not the caller's input. */
public class StoreException extends HeraldException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
