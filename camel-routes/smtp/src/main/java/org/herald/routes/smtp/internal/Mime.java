package org.herald.routes.smtp.internal;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.herald.mail.OutboundMessage;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMultipart;

/**
 * Builds the MIME message: multipart/alternative (text, HTML) in UTF-8 with base64 or 8bit-friendly
 * encodings chosen by Jakarta Mail, the stable Message-ID of the message, its extra headers
 * (List-Unsubscribe, List-Unsubscribe-Post) and the envelope sender.
 */
final class Mime {

    private Mime() {
    }

    static SMTPMessage build(Session session, OutboundMessage m) throws MessagingException {
        String id = m.rfcMessageId();
        SMTPMessage msg = new SMTPMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", id);
            }
        };
        msg.setFrom(address(m.from()));
        if (m.replyTo() != null) {
            msg.setReplyTo(new InternetAddress[] {address(m.replyTo())});
        }
        msg.setRecipient(jakarta.mail.Message.RecipientType.TO, address(m.to()));
        msg.setSubject(m.subject(), StandardCharsets.UTF_8.name());
        msg.setSentDate(new Date());
        if (m.envelopeFrom() != null) {
            msg.setEnvelopeFrom(m.envelopeFrom());
        }
        for (Map.Entry<String, String> h : m.headers().entrySet()) {
            msg.setHeader(h.getKey(), h.getValue());
        }
        if (m.html() != null && m.text() != null) {
            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(m.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            msg.setContent(alternative);
        } else if (m.html() != null) {
            msg.setText(m.html(), StandardCharsets.UTF_8.name(), "html");
        } else {
            msg.setText(m.text() == null ? "" : m.text(), StandardCharsets.UTF_8.name(), "plain");
        }
        msg.saveChanges();
        return msg;
    }

    private static InternetAddress address(String a) throws MessagingException {
        InternetAddress address = new InternetAddress(a, true);
        try {
            return new InternetAddress(address.getAddress(), address.getPersonal(), StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            return address;
        }
    }
}
