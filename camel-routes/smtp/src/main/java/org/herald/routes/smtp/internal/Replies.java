package org.herald.routes.smtp.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;

/** What an SMTP failure means for the message: retry (4xx, connection), or which permanent status (5xx). */
final class Replies {

    private static final Pattern ENHANCED = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");

    private Replies() {
    }

    static DeliveryResult classify(long messageId, Exception e, Instant at) {
        int code = 0;
        String reply = e.getMessage();
        for (Throwable t = e; t != null; t = t instanceof MessagingException me && me.getNextException() != null
                ? me.getNextException() : t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                reply = a.getMessage();
                break;
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
                code = s.getReturnCode();
                reply = s.getMessage();
            }
            if (t instanceof AddressException) {
                return DeliveryResult.of(messageId, DeliveryOutcome.INVALID_ADDRESS, 0, t.getMessage(), at);
            }
        }
        reply = reply == null ? e.getClass().getSimpleName() : reply.strip();
        if (code == 0) {
            boolean io = hasCause(e, IOException.class);
            return DeliveryResult.of(messageId, io || !(e instanceof SendFailedException) ? DeliveryOutcome.CONNECTION
                    : DeliveryOutcome.TEMPORARY, 0, reply, at);
        }
        return DeliveryResult.of(messageId, outcome(code, reply), code, reply, at);
    }

    /** The outcome of a reply code with its text (for the enhanced status code). */
    static DeliveryOutcome outcome(int code, String reply) {
        if (code >= 200 && code < 300) {
            return DeliveryOutcome.ACCEPTED;
        }
        if (code >= 400 && code < 500) {
            return DeliveryOutcome.TEMPORARY;
        }
        Matcher m = ENHANCED.matcher(reply == null ? "" : reply);
        if (m.find() && m.group(1).equals("5")) {
            String subject = m.group(2);
            if (subject.equals("1") && (m.group(3).equals("1") || m.group(3).equals("2") || m.group(3).equals("0"))) {
                return DeliveryOutcome.USER_UNKNOWN;
            }
            if (subject.equals("7")) {
                return DeliveryOutcome.POLICY;
            }
            return DeliveryOutcome.PERMANENT;
        }
        return code == 550 || code == 551 || code == 553 ? DeliveryOutcome.USER_UNKNOWN : DeliveryOutcome.PERMANENT;
    }

    /** Whether the reply asks the sender to slow down (421, 451, 452). */
    static boolean slowDown(DeliveryResult r) {
        return r.replyCode() == 421 || r.replyCode() == 451 || r.replyCode() == 452;
    }

    private static boolean hasCause(Throwable e, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t instanceof MessagingException me && me.getNextException() != null && type.isInstance(me.getNextException())) {
                return true;
            }
        }
        return false;
    }
}
