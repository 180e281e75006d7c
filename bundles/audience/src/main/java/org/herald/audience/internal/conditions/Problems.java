package org.herald.audience.internal.conditions;

import org.herald.common.ValidationException;

/** Validation errors that name the path of the bad node: {@code and[2].op: 'gte' does not apply to a text field}. */
public final class Problems {

    private Problems() {
    }

    public static ValidationException at(String path, String why) {
        String where = path == null || path.isEmpty() ? "conditions" : path;
        return new ValidationException(where, null, where + ": " + why);
    }

    public static String child(String path, String member) {
        return path == null || path.isEmpty() ? member : path + "." + member;
    }
}
