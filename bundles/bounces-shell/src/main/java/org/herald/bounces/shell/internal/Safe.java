package org.herald.bounces.shell.internal;

/**
 * Text a remote server or a sender wrote (diagnostics, addresses, quarantine reasons) as the console
 * may print it: control characters (ANSI escape sequences among them, which could rewrite the
 * operator's terminal), C1 controls and bidirectional overrides become visible {@code \}{@code uXXXX}
 * escapes; the rest is printed as it is.
 */
final class Safe {

    private Safe() {
    }

    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean unsafe = c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e)
                    || (c >= 0x2066 && c <= 0x2069) || c == '\\';
            if (unsafe && b == null) {
                b = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (b != null) {
                if (c == '\\') {
                    b.append("\\\\");
                } else if (unsafe) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }
}
