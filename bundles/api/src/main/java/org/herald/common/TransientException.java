package org.herald.common;

/**
 * The request could not be carried out now for a reason that passes: the database is unavailable,
 * another writer changed the same record or took the same key first. It says nothing about the
 * input: retrying later can succeed. Queue routes redeliver the message with back-off instead of
 * parking it; REST answers 503 with {@code Retry-After}.
 * <p>
 * The message says what could not be done, for the log; it may name technical detail (a subclass
 * such as {@code org.herald.store.StoreException} is close to the database), so interfaces do not
 * show it to users: they say "temporarily unavailable, try again" with a reference to the log entry
 * that has the message and the cause.
 *
 * @since 1.1
 */
public class TransientException extends HeraldException {
    private static final long serialVersionUID = 1L;

    public TransientException(String message) {
        super(message);
    }

    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }
}
