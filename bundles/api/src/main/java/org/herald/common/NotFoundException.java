package org.herald.common;

/** The thing asked for does not exist (or no longer exists). */
public class NotFoundException extends RejectedException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
