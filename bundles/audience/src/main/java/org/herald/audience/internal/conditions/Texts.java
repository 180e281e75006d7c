package org.herald.audience.internal.conditions;

import java.util.Set;
import java.util.regex.Pattern;

/** Printing values in the textual form so that they read back the same. */
public final class Texts {

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.@:/+-]+");
    private static final Set<String> WORDS = Set.of("and", "or", "not", "in", "is", "empty", "between", "contains",
            "starts", "with", "within", "last", "days", "at", "least", "times", "campaign", "link", "value",
            "before", "after", "anniversary", "true", "false");

    private Texts() {
    }

    public static String quote(String s) {
        if (BARE.matcher(s).matches() && !WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))) {
            return s;
        }
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
