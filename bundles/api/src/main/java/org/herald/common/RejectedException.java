package org.herald.common;

/**
 * The request was refused as it stands: the input breaks a rule, names something that does not
 * exist, or clashes with the current state. Retrying the same request cannot succeed; the caller
 * has to change the input (or the state it names) first. Interfaces report it to the caller at
 * once, with this message, which is written for them (queues park the message with it as the
 * reason, REST answers 4xx, the console prints it).
 *
 * @since 1.1
 */
public class RejectedException extends HeraldException {
    private static final long serialVersionUID = 1L;

    public RejectedException(String message) {
        super(message);
    }

    public RejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
