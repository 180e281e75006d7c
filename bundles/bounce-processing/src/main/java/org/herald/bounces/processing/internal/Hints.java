package org.herald.bounces.processing.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the raw bytes of a report say besides the classifier's records: the BOUNCE tokens of envelope
 * senders ({@code bounce+<token>@<domain>}, where the report was delivered, or quoted in the returned
 * headers) and the domain of the returned message's {@code From}. Tokens are only candidates here:
 * the processor verifies their signature.
 */
final class Hints {

    /** The local part the campaigns put before the token (DefaultCampaignService's envelope sender). */
    static final String BOUNCE_PREFIX = "bounce+";

    private static final Pattern TOKEN = Pattern.compile("bounce\\+([A-Za-z0-9_-]{4,200}\\.[A-Za-z0-9_-]{4,100})@",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern FROM = Pattern.compile("(?im)^From:[^\\r\\n]*?[A-Za-z0-9._%+\\-=]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");
    private static final Pattern CAMPAIGN_MESSAGE_ID = Pattern.compile("^<?c(\\d{1,18})\\.m(\\d{1,18})@");
    /** How much of a report is searched: tokens are in the headers or the returned headers, near the top. */
    private static final int SEARCHED = 256 * 1024;

    final List<String> tokens;
    final String returnedFromDomain;

    private Hints(List<String> tokens, String returnedFromDomain) {
        this.tokens = tokens;
        this.returnedFromDomain = returnedFromDomain;
    }

    static Hints of(byte[] raw) {
        if (raw == null || raw.length == 0) {
            return new Hints(List.of(), null);
        }
        String text = new String(raw, 0, Math.min(raw.length, SEARCHED), StandardCharsets.ISO_8859_1);
        List<String> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(text);
        while (t.find() && tokens.size() < 10) {
            if (!tokens.contains(t.group(1))) {
                tokens.add(t.group(1));
            }
        }
        return new Hints(List.copyOf(tokens), returnedFrom(text));
    }

    /** The domain of the first From header after the report's own header block: the returned message's. */
    private static String returnedFrom(String text) {
        int crlf = text.indexOf("\r\n\r\n");
        int lf = text.indexOf("\n\n");
        int body = crlf < 0 ? lf : lf < 0 ? crlf : Math.min(crlf, lf);
        if (body < 0) {
            return null;
        }
        Matcher m = FROM.matcher(text);
        return m.find(body) ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** The message id of a Herald Message-ID ({@code c<campaign>.m<message>@…}), or 0. */
    static long messageId(String originalMessageId) {
        long[] ids = campaignAndMessage(originalMessageId);
        return ids == null ? 0 : ids[1];
    }

    /** {campaign, message} of a Herald Message-ID, or null. */
    static long[] campaignAndMessage(String originalMessageId) {
        if (originalMessageId == null) {
            return null;
        }
        Matcher m = CAMPAIGN_MESSAGE_ID.matcher(originalMessageId.trim());
        return m.find() ? new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))} : null;
    }

    /** The domain of an address, lower-cased, or null. */
    static String domain(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        String d = at < 0 ? null : address.substring(at + 1).replaceAll("[>\\s].*$", "").toLowerCase(Locale.ROOT);
        return d == null || d.isEmpty() ? null : d;
    }
}
