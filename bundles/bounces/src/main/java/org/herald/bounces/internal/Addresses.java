package org.herald.bounces.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds e-mail addresses in free text in linear time: it looks for each {@code @} and grows the
 * local part and domain around it, so no regular expression can backtrack on hostile input.
 */
public final class Addresses {

    private static final String LOCAL_SPECIALS = ".!#$%&'*+-/=?^_`{|}~";

    private Addresses() {
    }

    /** The addresses in the text, lower-cased, in order of appearance, duplicates kept. */
    public static List<Found> find(String text) {
        List<Found> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int n = text.length();
        int from = 0;
        while (true) {
            int at = text.indexOf('@', from);
            if (at < 0) {
                break;
            }
            from = at + 1;
            int s = at;
            while (s > 0 && isLocal(text.charAt(s - 1))) {
                s--;
            }
            int e = at + 1;
            while (e < n && isDomain(text.charAt(e))) {
                e++;
            }
            // trim punctuation that ends sentences or wraps addresses
            while (s < at && (text.charAt(s) == '.' || text.charAt(s) == '\'' || text.charAt(s) == '`')) {
                s++;
            }
            while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
                e--;
            }
            if (s == at || e == at + 1) {
                continue;
            }
            String domain = text.substring(at + 1, e);
            if (domain.indexOf('.') <= 0 && !domain.startsWith("[")) {
                continue;
            }
            String tld = domain.substring(domain.lastIndexOf('.') + 1);
            if (tld.isEmpty() || Character.isDigit(tld.charAt(0)) && !domain.matches("[0-9.]+")) {
                continue;
            }
            out.add(new Found(text.substring(s, e).toLowerCase(Locale.ROOT), s, e));
            from = e;
        }
        return out;
    }

    /** The first address in the text, lower-cased, or null. */
    public static String first(String text) {
        List<Found> f = find(text);
        return f.isEmpty() ? null : f.get(0).address();
    }

    /** Whether this looks like a mail system's own address (postmaster, MAILER-DAEMON, no-reply). */
    public static boolean isSystem(String address) {
        if (address == null) {
            return false;
        }
        String local = address.substring(0, Math.max(0, address.indexOf('@'))).toLowerCase(Locale.ROOT);
        return local.equals("postmaster") || local.equals("post_master") || local.startsWith("mailer-daemon") || local.equals("mailer")
                || local.equals("mail-daemon") || local.equals("maildaemon") || local.equals("root")
                || local.startsWith("no-reply") || local.startsWith("noreply") || local.startsWith("do-not-reply")
                || local.equals("abuse");
    }

    private static boolean isLocal(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || LOCAL_SPECIALS.indexOf(c) >= 0);
    }

    private static boolean isDomain(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    /** An address and where it was found. */
    public record Found(String address, int start, int end) {
    }
}
