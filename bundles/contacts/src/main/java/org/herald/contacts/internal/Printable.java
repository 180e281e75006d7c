package org.herald.contacts.internal;

/**
 * Input quoted back in an error message, made visible: control characters (C0, DEL, C1), invisible
 * format characters and line separators become {@code \n}, {@code \t} or {@code \\u} with four hex digits, so an error
 * shows what was wrong and the value cannot act on the terminal or log that prints it.
 */
final class Printable {

    private Printable() {
    }

    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> isHidden(c) ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && b == null) {
                b = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (b != null) {
                if (replacement != null) {
                    b.append(replacement);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? text : b.toString();
    }

    /** C0 and C1 controls and DEL: what a text value may not hold (tab aside, where the caller allows it). */
    static boolean isControl(char c) {
        return c < 0x20 || c >= 0x7f && c < 0xa0;
    }

    private static boolean isHidden(char c) {
        int type = Character.getType(c);
        return isControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }
}
