package org.herald.common;

/**
 * Base of the errors Herald services report to their callers. The message is meant for the person
 * who sent the input: it names what was wrong and, where it helps, what to do next.
 */
public class HeraldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HeraldException(String message) {
        super(message);
    }

    public HeraldException(String message, Throwable cause) {
        super(message, cause);
    }
}
