package org.herald.bounces.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.bounce.spi.DeliveryStatus;
import org.herald.bounce.spi.HeaderBlock;

import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;

/**
 * Turns raw bytes into a {@link ParsedMessage} with Jakarta Mail: walks the MIME tree, decodes text
 * parts with their charsets, reads delivery-status and feedback-report blocks, and finds the
 * returned message's headers. Bounded: nesting depth, part count and text size are capped, and what
 * was cut or broken is listed in {@link ParsedMessage#problems()}.
 */
public final class MessageParser {

    static final int MAX_DEPTH = 8;
    static final int MAX_PARTS = 200;
    static final int MAX_TEXT_CHARS = 256 * 1024;

    private static final Pattern HEADER_LINE = Pattern.compile(
            "^(?:Received|Return-Path|Message-I[Dd]|From|To|Subject|Date|Delivered-To|MIME-Version|Content-Type"
                    + "|Reply-To|DKIM-Signature|X-[A-Za-z0-9-]{1,60}|ARC-[A-Za-z-]{1,30}|Cc|Sender|References|In-Reply-To)"
                    + ":[ \\t]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^[ >]*Message-I[Dd]:[ \\t]*<?([^\\s<>]{1,250}@[^\\s<>]{1,250})>?");

    private static final Pattern FOLD = Pattern.compile("\\r?\\n[ \\t]*");

    private final Session session;

    public MessageParser() {
        Properties p = new Properties();
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        this.session = MailLoader.call(() -> Session.getInstance(p));
    }

    /** Parses the message; never throws for bad content (problems are recorded instead). */
    public ParsedMessage parse(byte[] raw) throws MessagingException {
        return MailLoader.call(() -> doParse(raw));
    }

    private ParsedMessage doParse(byte[] raw) throws MessagingException {
        MimeMessage msg = new MimeMessage(session, new ByteArrayInputStream(raw));
        Walk w = new Walk();
        HeaderBlock headers = headers(msg.getAllHeaders());
        String subject = decode(first(msg, "Subject"));
        String fromAddress = "";
        String fromName = "";
        String fromRaw = first(msg, "From");
        if (!fromRaw.isEmpty()) {
            try {
                InternetAddress[] a = InternetAddress.parseHeader(fromRaw, false);
                if (a.length > 0) {
                    fromAddress = a[0].getAddress() == null ? "" : a[0].getAddress().toLowerCase(Locale.ROOT);
                    fromName = a[0].getPersonal() == null ? "" : a[0].getPersonal();
                }
            } catch (MessagingException | RuntimeException e) {
                String f = Addresses.first(fromRaw);
                fromAddress = f == null ? "" : f;
            }
            if (fromAddress.isEmpty() || !fromAddress.contains("@")) {
                String f = Addresses.first(fromRaw);
                if (f != null) {
                    fromAddress = f;
                }
                fromName = fromName.isEmpty() ? decode(fromRaw.replaceAll("<[^>]*>", "")).trim() : fromName;
            }
        }
        String contentType = "text/plain";
        String reportType = "";
        try {
            ContentType ct = new ContentType(msg.getContentType() == null ? "text/plain" : msg.getContentType());
            contentType = ct.getBaseType().toLowerCase(Locale.ROOT);
            String rt = ct.getParameter("report-type");
            reportType = rt == null ? "" : rt.toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            w.problems.add("unreadable Content-Type: " + clip(first(msg, "Content-Type"), 80));
        }
        walk(msg, 0, false, w);
        if (w.text.isEmpty() && !w.html.isEmpty()) {
            w.text.addAll(w.html);
        }
        String text = String.join("\n", w.text);
        if (w.original == null) {
            w.original = headersInText(text);
        }
        Optional<String> originalId = Optional.empty();
        if (w.original != null) {
            String id = w.original.get("Message-ID").trim();
            if (!id.isEmpty()) {
                originalId = Optional.of(stripBrackets(id));
            }
        }
        if (originalId.isEmpty()) {
            Matcher m = MESSAGE_ID.matcher(text);
            if (m.find()) {
                originalId = Optional.of(m.group(1));
            }
        }
        return new ParsedMessage(headers, subject, fromAddress, fromName, contentType, reportType, w.text, text,
                Optional.ofNullable(w.dsn), Optional.ofNullable(w.feedback), Optional.ofNullable(w.original),
                originalId, w.problems);
    }

    private static final class Walk {
        final List<String> text = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<String> problems = new ArrayList<>();
        DeliveryStatus dsn;
        HeaderBlock feedback;
        HeaderBlock original;
        int parts;
        int textChars;
    }

    private void walk(Part part, int depth, boolean inOriginal, Walk w) {
        Deadline.check();
        if (++w.parts > MAX_PARTS) {
            if (w.parts == MAX_PARTS + 1) {
                w.problems.add("more than " + MAX_PARTS + " MIME parts; the rest was not read");
            }
            return;
        }
        if (depth > MAX_DEPTH) {
            w.problems.add("MIME nesting deeper than " + MAX_DEPTH + "; inner parts were not read");
            return;
        }
        String type;
        ContentType ct;
        try {
            String raw = part.getContentType();
            ct = new ContentType(raw == null ? "text/plain" : raw);
            type = ct.getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            ct = null;
            type = "text/plain";
        }
        try {
            if (type.startsWith("multipart/")) {
                if (!(part instanceof MimePart mp)) {
                    return;
                }
                MimeMultipart multi = new MimeMultipart(new MimePartDataSource(mp));
                int count;
                try {
                    count = multi.getCount();
                } catch (MessagingException e) {
                    // no usable boundary: read the body as text instead
                    w.problems.add("malformed multipart (" + clip(e.getMessage(), 60) + "); read as text");
                    addText(part, null, "text/plain", inOriginal, w);
                    return;
                }
                if (!multi.isComplete()) {
                    w.problems.add("truncated: " + type + " has no closing boundary");
                }
                for (int i = 0; i < count; i++) {
                    walk(multi.getBodyPart(i), depth + 1, inOriginal, w);
                }
            } else if (type.equals("message/delivery-status") || type.equals("message/global-delivery-status")
                    || type.equals("text/delivery-status")) {
                if (w.dsn == null) {
                    w.dsn = deliveryStatus(read(part, w));
                }
            } else if (type.equals("message/feedback-report")) {
                if (w.feedback == null) {
                    List<HeaderBlock> blocks = blocks(read(part, w));
                    w.feedback = blocks.isEmpty() ? HeaderBlock.empty() : blocks.get(0);
                }
            } else if (type.equals("message/rfc822") || type.equals("message/global")) {
                MimeMessage inner = new MimeMessage(session, new ByteArrayInputStream(read(part, w)));
                HeaderBlock h = headers(inner.getAllHeaders());
                if (w.original == null && !h.isEmpty()) {
                    w.original = h;
                }
                walk(inner, depth + 1, true, w);
            } else if (type.equals("text/rfc822-headers") || type.equals("message/rfc822-headers")
                    || type.equals("text/rfc822-header")) {
                if (w.original == null) {
                    List<HeaderBlock> blocks = blocks(read(part, w));
                    if (!blocks.isEmpty()) {
                        w.original = blocks.get(0);
                    }
                }
            } else if (type.startsWith("text/") || type.equals("message/partial")) {
                addText(part, ct, type, inOriginal, w);
            }
        } catch (Deadline.Exceeded e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            w.problems.add("unreadable " + type + " part (" + clip(String.valueOf(e.getMessage()), 80) + ")");
        }
    }

    private void addText(Part part, ContentType ct, String type, boolean inOriginal, Walk w)
            throws MessagingException, IOException {
        if (inOriginal || !(type.equals("text/plain") || type.equals("text/html") || type.equals("text/enriched")
                || type.equals("message/partial"))) {
            return;
        }
        if (w.textChars >= MAX_TEXT_CHARS) {
            return;
        }
        String cs = ct == null ? null : ct.getParameter("charset");
        String s = decodeBytes(read(part, w), cs, w);
        if (s.length() > MAX_TEXT_CHARS - w.textChars) {
            s = s.substring(0, MAX_TEXT_CHARS - w.textChars);
            w.problems.add("text longer than " + MAX_TEXT_CHARS + " characters; the rest was not read");
        }
        w.textChars += s.length();
        if (type.equals("text/html")) {
            w.html.add(Text.htmlToText(s));
        } else {
            w.text.add(s);
        }
    }

    private byte[] read(Part part, Walk w) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            // undecodable transfer encoding: fall back to the raw bytes
            if (part instanceof jakarta.mail.internet.MimeBodyPart bp) {
                try (InputStream in = bp.getRawInputStream()) {
                    w.problems.add("undecodable transfer encoding; raw text used");
                    return in.readAllBytes();
                }
            }
            throw e;
        }
    }

    static String decodeBytes(byte[] b, String charset, Walk w) {
        Charset cs = StandardCharsets.UTF_8;
        if (charset != null && !charset.isBlank()) {
            try {
                cs = Charset.forName(MimeUtility.javaCharset(charset.trim()));
            } catch (RuntimeException e) {
                if (w != null) {
                    w.problems.add("unknown charset " + clip(charset, 40) + "; read as ISO-8859-1");
                }
                cs = StandardCharsets.ISO_8859_1;
            }
        } else if (!isUtf8(b)) {
            cs = StandardCharsets.ISO_8859_1;
        }
        return new String(b, cs);
    }

    private static boolean isUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** RFC 3464 blocks: the first is per-message, the rest per-recipient. */
    static DeliveryStatus deliveryStatus(byte[] body) {
        List<HeaderBlock> blocks = blocks(body);
        if (blocks.isEmpty()) {
            return new DeliveryStatus(HeaderBlock.empty(), List.of());
        }
        HeaderBlock first = blocks.get(0);
        boolean firstIsRecipient = first.has("Final-Recipient") || first.has("Original-Recipient")
                || first.has("Action") && !first.has("Reporting-MTA");
        if (firstIsRecipient) {
            return new DeliveryStatus(HeaderBlock.empty(), blocks);
        }
        return new DeliveryStatus(first, blocks.subList(1, blocks.size()));
    }

    /** Header blocks separated by blank lines, read with InternetHeaders until one comes back empty. */
    static List<HeaderBlock> blocks(byte[] body) {
        List<HeaderBlock> out = new ArrayList<>();
        // some reports separate blocks with lines holding only spaces; make them empty
        String s = new String(body, StandardCharsets.UTF_8).replaceAll("(?m)^[ \\t]+$", "");
        s = s.stripLeading();
        ByteArrayInputStream in = new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
        for (int guard = 0; guard < 500 && in.available() > 0; guard++) {
            Deadline.check();
            InternetHeaders ih;
            try {
                ih = new InternetHeaders(in, true);
            } catch (MessagingException | RuntimeException e) {
                break;
            }
            HeaderBlock b = headers(ih.getAllHeaders());
            if (!b.isEmpty()) {
                out.add(b);
            }
            // skip further blank lines between blocks
            in.mark(1);
            int c;
            while ((c = in.read()) == '\r' || c == '\n') {
                in.mark(1);
            }
            if (c < 0) {
                break;
            }
            in.reset();
        }
        return out;
    }

    static HeaderBlock headers(Enumeration<Header> all) {
        HeaderBlock.Builder b = HeaderBlock.builder();
        while (all.hasMoreElements()) {
            Header h = all.nextElement();
            String v = h.getValue() == null ? "" : h.getValue();
            if (v.indexOf('\n') >= 0) {
                v = FOLD.matcher(v).replaceAll(" ");
            }
            b.add(h.getName(), v);
        }
        return b.build();
    }

    /** A header block pasted into the text of a non-MIME bounce (the returned message), or null. */
    static HeaderBlock headersInText(String text) {
        String[] lines = text.split("\\r?\\n", -1);
        int offset = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            if ((i & 63) == 0) {
                Deadline.check();
            }
            String line = lines[i].startsWith(">") ? lines[i].replaceFirst("^>\\s?", "") : lines[i].stripLeading();
            if (i > 0 && HEADER_LINE.matcher(line).find()) {
                int found = 0;
                for (int j = i; j < Math.min(lines.length, i + 12); j++) {
                    String l = lines[j].startsWith(">") ? lines[j].replaceFirst("^>\\s?", "") : lines[j].stripLeading();
                    if (HEADER_LINE.matcher(l).find()) {
                        found++;
                    }
                }
                if (found >= 2) {
                    StringBuilder sb = new StringBuilder();
                    for (int j = i; j < lines.length && j < i + 400; j++) {
                        String l = lines[j].startsWith(">") ? lines[j].replaceFirst("^>\\s?", "") : lines[j];
                        // indented pastes: undo a common indent for field lines, keep continuation indents
                        if (!l.isEmpty() && Character.isWhitespace(l.charAt(0)) && HEADER_LINE.matcher(l.stripLeading()).find()) {
                            l = l.stripLeading();
                        }
                        if (l.isBlank()) {
                            break;
                        }
                        sb.append(l).append("\r\n");
                    }
                    sb.append("\r\n");
                    List<HeaderBlock> b = blocks(sb.toString().getBytes(StandardCharsets.UTF_8));
                    return b.isEmpty() ? null : b.get(0);
                }
            }
            offset += lines[i].length() + 1;
        }
        return null;
    }

    private static String first(MimeMessage m, String name) throws MessagingException {
        String[] v = m.getHeader(name);
        return v == null || v.length == 0 || v[0] == null ? "" : v[0];
    }

    static String decode(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(s)).trim();
        } catch (IOException | RuntimeException e) {
            return s.trim();
        }
    }

    static String stripBrackets(String id) {
        String s = id.trim();
        int lt = s.indexOf('<');
        int gt = s.indexOf('>', lt + 1);
        if (lt >= 0 && gt > lt) {
            s = s.substring(lt + 1, gt);
        }
        return s.trim();
    }

    static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
