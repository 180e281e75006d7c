package org.herald.routes.bounces.internal;

import java.io.ByteArrayInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;

/**
 * The {@code mailto:} of a message's List-Unsubscribe header, {@code <mailto:…?subject=unsubscribe%20<token>>},
 * as it arrives: a message whose subject is {@code unsubscribe <token>}. Only the headers are read.
 */
final class MailtoUnsubscribe {

    private static final Pattern SUBJECT = Pattern.compile("unsubscribe\\s+([A-Za-z0-9_.-]{8,256})", Pattern.CASE_INSENSITIVE);

    private MailtoUnsubscribe() {
    }

    /** The token of an unsubscribe request, or {@code null} for any other message. */
    static String token(byte[] raw) {
        try {
            InternetHeaders headers = new InternetHeaders(new ByteArrayInputStream(raw));
            String subject = headers.getHeader("Subject", null);
            if (subject == null) {
                return null;
            }
            Matcher m = SUBJECT.matcher(MimeUtility.decodeText(MimeUtility.unfold(subject)).strip());
            return m.matches() ? m.group(1) : null;
        } catch (MessagingException | java.io.UnsupportedEncodingException | RuntimeException e) {
            return null;
        }
    }
}
