package org.herald.common;

/**
 * Base of the errors Herald services report to their callers. Every error says, by its type,
 * whether retrying can help:
 * <ul>
 * <li>{@link RejectedException} (and {@link ValidationException}, {@link NotFoundException},
 * {@link ConflictException}, {@link InUseException} under it): the input is wrong or clashes with
 * the current state; the same request fails again until the input or that state changes. Its
 * message is meant for the person who sent the input: it names what was wrong and, where it
 * helps, what to do next.</li>
 * <li>{@link TransientException}: the request may be right but could not be carried out now
 * (database unavailable, a concurrent write won); retrying later can succeed. Interfaces retry it
 * or ask the caller to, and never blame the input.</li>
 * </ul>
 * Throw one of those two families, not this class itself; callers that meet a plain
 * {@code HeraldException} (from an older extension) treat it as rejected input.
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
