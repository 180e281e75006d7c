package org.herald.common;

/**
 * Input that breaks a rule. {@link #field()} names the input field (e.g. {@code email},
 * {@code age}) and {@link #value()} the offending value as given, so callers can point at it.
 */
public class ValidationException extends RejectedException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String value;

    public ValidationException(String field, String value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }
}
