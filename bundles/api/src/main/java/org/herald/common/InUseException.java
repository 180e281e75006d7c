package org.herald.common;

import java.util.List;

/** A thing cannot be removed because others depend on it; {@link #usages()} says which. */
public class InUseException extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final List<String> usages;

    public InUseException(String message, List<String> usages) {
        super(message);
        this.usages = List.copyOf(usages);
    }

    public List<String> usages() {
        return usages;
    }
}
