package org.herald.common;

/**
 * The request is valid on its own but clashes with the current state: an e-mail address taken by
 * another contact, a name already in use, a status change the rules forbid. Retrying does not help
 * until the state changes (a lost race on a write is a {@link TransientException}, not this).
 */
public class ConflictException extends RejectedException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super(message);
    }
}
