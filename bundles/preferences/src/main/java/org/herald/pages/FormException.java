package org.herald.pages;

/** A form body that cannot be read: too large ({@link #status} 413), of another type (415) or malformed (400). */
public final class FormException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final int status;

    public FormException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status to answer with. */
    public int status() {
        return status;
    }
}
