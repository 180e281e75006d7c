package org.herald.bounces.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.HeaderBlock;

/**
 * Reads the human-readable part of a bounce the way every non-RFC mail system writes it: an
 * explanation, then each failed address with the remote server's words near it, then a copy of the
 * original message. Dialect rules tune where the report starts and ends; the reading is shared.
 */
public final class TextReport {

    /** Lines that start the returned copy of the original message. */
    private static final Pattern END = Pattern.compile(
            "^(?:[-=*_#~ ]{2,}.{0,40}(?:original|copy of|returned message|message header|unsent|undelivered message|body of|message text|headers? of|rfc822)"
                    + "|original message (?:follows|headers?|is attached|as follows)|original mail as follows|message headers follow"
                    + "|below is a copy|included is a copy|a copy of (?:the|your) (?:original )?message|the header of the original"
                    + "|original message:|original headers|original message headers|------ this is a copy"
                    + "|--- below this line|this is a copy of|the headers of the original|your message reads"
                    + "|-+ ?returned message|-+ ?original message|-+ ?the body of)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADER_FIELD = Pattern.compile("^(?:Received|Return-Path|DKIM-Signature|ARC-Seal|X-Received):\\s",
            Pattern.CASE_INSENSITIVE);
    /** A Message-ID field or parameter (its value is an address-like id, never a recipient). */
    private static final Pattern MESSAGE_ID_FIELD = Pattern.compile("message-id\\s*[:=]");
    private static final Pattern ANY_FIELD = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,60}:\\s");

    private TextReport() {
    }

    /** The message text, without quote marks of a forwarded bounce, cut before the returned original. */
    public static String section(BounceMessage m) {
        return section(m.text(), null);
    }

    /** As {@link #section(BounceMessage)}, also ending at the first line matching {@code extraEnd}. */
    public static String section(String text, Pattern extraEnd) {
        String[] lines = text.split("\\r?\\n", -1);
        int quoted = 0;
        int nonEmpty = 0;
        for (String l : lines) {
            if (!l.isBlank()) {
                nonEmpty++;
                if (l.startsWith(">")) {
                    quoted++;
                }
            }
        }
        boolean unquote = nonEmpty > 0 && quoted * 2 > nonEmpty;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if ((i & 63) == 0) {
                Deadline.check();
            }
            String l = unquote ? lines[i].replaceFirst("^>\\s?", "") : lines[i];
            String t = l.strip();
            if (i > 0 && (END.matcher(t).find() || extraEnd != null && extraEnd.matcher(t).find())) {
                break;
            }
            if (i > 0 && HEADER_FIELD.matcher(t).find() && followedByFields(lines, i + 1, unquote)) {
                break;
            }
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    private static boolean followedByFields(String[] lines, int from, boolean unquote) {
        int fields = 0;
        for (int j = from; j < Math.min(lines.length, from + 8); j++) {
            String l = unquote ? lines[j].replaceFirst("^>\\s?", "") : lines[j];
            if (ANY_FIELD.matcher(l).find()) {
                fields++;
            }
        }
        return fields >= 1;
    }

    /** Addresses that are never the failed recipient: the bounce's own parties and the original sender. */
    public static Set<String> excluded(BounceMessage m) {
        Set<String> ex = new LinkedHashSet<>();
        for (String h : List.of("From", "To", "Cc", "Reply-To", "Sender")) {
            for (String v : m.headers().all(h)) {
                for (Addresses.Found f : Addresses.find(v)) {
                    ex.add(f.address());
                }
            }
        }
        m.originalHeaders().ifPresent(o -> {
            for (String h : List.of("From", "Sender", "Return-Path", "Reply-To")) {
                for (Addresses.Found f : Addresses.find(o.get(h))) {
                    ex.add(f.address());
                }
            }
        });
        return ex;
    }

    /**
     * One record per failed address found in the section, with the lines that speak of it as the
     * diagnostic. Reason and class are left for the classifier to complete.
     */
    public static List<BounceRecord> read(BounceMessage m, String section, Set<String> excluded) {
        String[] lines = section.split("\n", -1);
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (int i = 0; i < lines.length; i++) {
            if ((i & 63) == 0) {
                Deadline.check();
            }
            String line = lines[i];
            String low = line.toLowerCase(Locale.ROOT);
            String lt = low.strip();
            if (lt.startsWith("mail from:") || lt.startsWith("from:") || lt.startsWith("sender:")
                    || lt.startsWith("reply-to:") || lt.startsWith("return-path:") || low.contains("generated from")
                    || low.contains("expanded from") || low.contains("forwarded from") || lt.startsWith("cc:")) {
                continue;
            }
            if (MESSAGE_ID_FIELD.matcher(low).find() || low.startsWith("received:") || low.contains("://")
                    && !low.contains("mailto:") && Addresses.find(line).size() == 0) {
                continue;
            }
            for (Addresses.Found f : Addresses.find(line)) {
                String a = f.address();
                if (excluded.contains(a) || Addresses.isSystem(a) || inUrl(line, f) || looksLikeId(a)) {
                    continue;
                }
                firstLine.putIfAbsent(a, i);
            }
        }
        List<BounceRecord> out = new ArrayList<>();
        List<String> addrs = new ArrayList<>(firstLine.keySet());
        String intro = String.join("\n", java.util.Arrays.copyOfRange(lines, 0,
                addrs.isEmpty() ? lines.length : firstLine.get(addrs.get(0))));
        for (int k = 0; k < addrs.size(); k++) {
            Deadline.check();
            String a = addrs.get(k);
            int start = firstLine.get(a);
            int end = k + 1 < addrs.size() ? firstLine.get(addrs.get(k + 1)) : lines.length;
            if (end <= start) {
                end = Math.min(lines.length, start + 1);
            }
            end = Math.min(end, start + 12);
            StringBuilder ctx = new StringBuilder();
            for (int i = start; i < end; i++) {
                if (lines[i].isBlank() && i > start + 1 && ctx.length() > 0 && k + 1 >= addrs.size()) {
                    // for the last address, a blank line after its block ends it unless codes follow
                    if (Text.replyCode(ctx.toString()) != null || Text.status(ctx.toString()) != null) {
                        break;
                    }
                }
                ctx.append(lines[i]).append('\n');
            }
            // lines elsewhere (a session transcript) that name this address
            for (int i = 0; i < lines.length; i++) {
                if ((i & 63) == 0) {
                    Deadline.check();
                }
                if ((i < start || i >= end) && lines[i].toLowerCase(Locale.ROOT).contains(a)) {
                    ctx.append(lines[i]).append('\n');
                    if (i + 1 < lines.length && !lines[i + 1].isBlank() && Addresses.find(lines[i + 1]).isEmpty()) {
                        ctx.append(lines[i + 1]).append('\n');
                    }
                }
            }
            String context = ctx.toString();
            String diagnostic = diagnostic(context, a);
            BounceRecord.Builder b = BounceRecord.builder().recipient(a).diagnostic(diagnostic);
            String status = Text.status(context);
            Integer code = Text.replyCode(context);
            b.status(status).replyCode(code);
            if (Reasons.fromText(diagnostic) == null && Reasons.fromText(context) == null) {
                // the cause may be stated once for all addresses, before them
                b.reason(Reasons.fromText(intro));
                if (b.reason() != null && b.reason().defaultClass() == org.herald.bounce.BounceClass.HARD
                        && addrs.size() > 1) {
                    // a shared sentence does not prove each address dead
                    b.reason(null);
                }
                if (b.reason() == null) {
                    b.diagnostic(Text.oneLine(context));
                }
            } else if (Reasons.fromText(diagnostic) == null) {
                b.diagnostic(Text.oneLine(context));
            }
            BounceReason reason = b.reason() != null ? b.reason() : Reasons.infer(status, code, b.diagnostic());
            Reasons.Stage stage = Reasons.stage(context);
            if (stage == null && addrs.size() == 1) {
                stage = Reasons.stage(section);
            }
            BounceReason weighed = Reasons.weigh(reason, status, stage);
            if (weighed != reason || stage != null && reason != null && reason != BounceReason.UNDEFINED) {
                // the stage was read here, where the whole report is at hand: settle the reason now
                b.reason(weighed);
            }
            if (b.reason() != null) {
                b.unconfirmed(Reasons.unconfirmed(b.reason(), status, stage));
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * The paragraph of the report that speaks of this address: from the first line naming it to the
     * next blank line (at most a dozen lines), or "" when the section does not name it.
     */
    public static String paragraphAbout(String section, String address) {
        String low = section.toLowerCase(Locale.ROOT);
        int at = low.indexOf(address);
        if (at < 0) {
            return "";
        }
        int start = section.lastIndexOf('\n', at) + 1;
        int end = start;
        for (int n = 0; n < 12 && end < section.length(); n++) {
            int eol = section.indexOf('\n', end);
            if (eol < 0) {
                end = section.length();
                break;
            }
            if (n > 0 && section.substring(end, eol).isBlank()) {
                break;
            }
            end = eol + 1;
        }
        return section.substring(start, end);
    }

    /** The remote server's words: from the first line with a code, else the lines after the address. */
    static String diagnostic(String context, String address) {
        String[] lines = context.split("\n");
        StringBuilder sb = new StringBuilder();
        int from = -1;
        for (int i = 0; i < lines.length; i++) {
            if ((i & 63) == 0) {
                Deadline.check();
            }
            if (Text.replyCode(lines[i]) != null || Text.status(lines[i]) != null) {
                from = i;
                break;
            }
        }
        if (from >= 0) {
            for (int i = from; i < lines.length && i < from + 4; i++) {
                String t = lines[i].strip();
                if (t.isEmpty() || i > from && (t.startsWith("<<<") || t.startsWith(">>>")
                        || t.matches("^[245]\\d\\d[ -].*") || t.startsWith("<") && t.contains("@"))) {
                    break;
                }
                sb.append(lines[i].strip()).append(' ');
            }
        } else {
            for (String l : lines) {
                String s = l.strip();
                if (s.isEmpty()) {
                    continue;
                }
                sb.append(s).append(' ');
            }
        }
        return Text.oneLine(sb.toString());
    }

    private static boolean inUrl(String line, Addresses.Found f) {
        int s = f.start();
        int sp = line.lastIndexOf(' ', s);
        String token = line.substring(sp + 1, s);
        return token.contains("://") || token.contains("?") || token.contains("=") && !token.startsWith("mailto");
    }

    private static boolean looksLikeId(String a) {
        String local = a.substring(0, a.indexOf('@'));
        int digits = 0;
        for (char c : local.toCharArray()) {
            if (Character.isDigit(c)) {
                digits++;
            }
        }
        return local.length() >= 20 && digits * 3 > local.length();
    }

    /** Addresses of a header such as X-Failed-Recipients. */
    public static List<String> addresses(HeaderBlock h, String name) {
        List<String> out = new ArrayList<>();
        for (String v : h.all(name)) {
            for (Addresses.Found f : Addresses.find(v)) {
                if (!out.contains(f.address())) {
                    out.add(f.address());
                }
            }
        }
        return out;
    }
}
