package org.herald.bounces.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small text helpers shared by the rules. Every pattern here is linear on hostile input. */
public final class Text {

    private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");
    private static final Pattern BR = Pattern.compile("(?i)<(?:br|/p|/div|/tr|/li|/h\\d)[^<>]{0,200}>");
    private static final Pattern STATUS = Pattern.compile("(?<![\\d.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d]|\\.\\d)");
    private static final Pattern REPLY = Pattern.compile("(?<![\\d.#\\-/:])([245][0-5]\\d)(?=[ \\-:;,)\\]]|$)");
    private static final Pattern WS = Pattern.compile("\\s+");

    private Text() {
    }

    /** Lower-case, whitespace collapsed: the form the reason patterns read. */
    public static String norm(String s) {
        return s == null ? "" : WS.matcher(s).replaceAll(" ").trim().toLowerCase(Locale.ROOT);
    }

    /** One line, whitespace collapsed, case kept; clipped to a sensible length. */
    public static String oneLine(String s) {
        if (s == null) {
            return null;
        }
        String t = WS.matcher(s).replaceAll(" ").trim();
        return t.length() > 1000 ? t.substring(0, 1000) : t;
    }

    /** A crude HTML to text reduction, enough to read a provider's HTML-only bounce. */
    public static String htmlToText(String html) {
        String s = BR.matcher(html).replaceAll("\n");
        s = TAG.matcher(s).replaceAll(" ");
        return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    /** The first RFC 3463 enhanced status code in the text (e.g. 5.1.1), or null. */
    public static String status(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = STATUS.matcher(s);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : null;
    }

    /** The first SMTP reply code (2xx–5xx) in the text, or null. */
    public static Integer replyCode(String s) {
        if (s == null) {
            return null;
        }
        Matcher m = REPLY.matcher(s);
        while (m.find()) {
            int code = Integer.parseInt(m.group(1));
            if (code >= 421) {
                return code;
            }
        }
        return null;
    }

    /** Whether the status is present and not a catch-all (x.0.0). */
    public static boolean specific(String status) {
        return status != null && !status.endsWith(".0.0");
    }
}
