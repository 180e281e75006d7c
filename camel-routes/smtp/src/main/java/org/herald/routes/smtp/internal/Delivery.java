package org.herald.routes.smtp.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;
import org.herald.mail.MailContext;
import org.herald.mail.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/**
 * Delivers one message: over SMTP on a connection kept per consumer thread (reused until it fails),
 * or, with no relay configured, as {@code <Message-ID>.eml} in the outbox (written whole, then moved
 * into place, so a reader never sees half a file and a second attempt of the same message replaces
 * the first).
 */
final class Delivery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);

    private final SmtpConfig config;
    private final Session session;
    private final Path outbox;
    private final Dkim dkim;
    private final ThreadLocal<Transport> connections = new ThreadLocal<>();
    private final Set<Transport> open = ConcurrentHashMap.newKeySet();

    Delivery(SmtpConfig config, Path outbox) {
        this.config = config;
        this.outbox = outbox;
        this.dkim = Dkim.of(config);
        Properties p = new Properties();
        if (relay()) {
            p.put("mail.smtp.host", config.host());
            p.put("mail.smtp.port", String.valueOf(config.port()));
            p.put("mail.smtp.connectiontimeout", String.valueOf(config.timeoutMillis()));
            p.put("mail.smtp.timeout", String.valueOf(config.timeoutMillis()));
            p.put("mail.smtp.writetimeout", String.valueOf(config.timeoutMillis()));
            p.put("mail.smtp.starttls.enable", String.valueOf(!"none".equals(config.security())));
            p.put("mail.smtp.starttls.required", String.valueOf("required".equals(config.security())));
            p.put("mail.smtp.auth", String.valueOf(!config.user().isEmpty()));
            p.put("mail.smtp.quitwait", "false");
        }
        this.session = MailContext.<Session, RuntimeException>call(() -> Session.getInstance(p));
    }

    boolean relay() {
        return !config.host().isBlank();
    }

    DeliveryResult deliver(OutboundMessage m) {
        try {
            return MailContext.call(() -> {
                SMTPMessage mime = Mime.build(session, m);
                if (dkim != null) {
                    mime = signed(mime, m);
                }
                if (!relay()) {
                    write(mime, m);
                    return DeliveryResult.of(m.messageId(), DeliveryOutcome.ACCEPTED, 0, "written to the outbox", Instant.now());
                }
                Transport t = connection();
                try {
                    t.sendMessage(mime, mime.getAllRecipients());
                } catch (MessagingException e) {
                    drop(t);
                    throw e;
                }
                return DeliveryResult.of(m.messageId(), DeliveryOutcome.ACCEPTED, 250, lastReply(t), Instant.now());
            });
        } catch (Exception e) {
            return Replies.classify(m.messageId(), e, Instant.now());
        }
    }

    /**
     * The message as written, signed, and read back: a message read from bytes is written out again
     * exactly as read, so what goes out is what was signed.
     */
    private SMTPMessage signed(SMTPMessage mime, OutboundMessage m) throws IOException, MessagingException {
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream(8192);
        mime.writeTo(raw);
        SMTPMessage signed = new SMTPMessage(session, new java.io.ByteArrayInputStream(dkim.sign(raw.toByteArray(),
                Instant.now())));
        if (m.envelopeFrom() != null) {
            signed.setEnvelopeFrom(m.envelopeFrom());
        }
        return signed;
    }

    private static String lastReply(Transport t) {
        if (t instanceof org.eclipse.angus.mail.smtp.SMTPTransport s && s.getLastServerResponse() != null) {
            return s.getLastServerResponse().strip();
        }
        return "accepted";
    }

    private Transport connection() throws MessagingException {
        Transport t = connections.get();
        if (t != null && t.isConnected()) {
            return t;
        }
        t = session.getTransport("smtp");
        if (config.user().isEmpty()) {
            t.connect();
        } else {
            t.connect(config.host(), config.port(), config.user(), config.password());
        }
        connections.set(t);
        open.add(t);
        return t;
    }

    private void drop(Transport t) {
        connections.remove();
        open.remove(t);
        try {
            t.close();
        } catch (MessagingException e) {
            LOG.debug("closing a failed SMTP connection: {}", e.toString());
        }
    }

    private void write(SMTPMessage mime, OutboundMessage m) throws IOException, MessagingException {
        Files.createDirectories(outbox);
        String name = m.rfcMessageId().replaceAll("[^A-Za-z0-9._@-]", "");
        Path target = outbox.resolve(name + ".eml");
        Path tmp = outbox.resolve("." + name + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            if (m.envelopeFrom() != null) {
                out.write(("Return-Path: <" + m.envelopeFrom() + ">\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            mime.writeTo(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        for (Transport t : open) {
            try {
                t.close();
            } catch (MessagingException e) {
                LOG.debug("closing an SMTP connection: {}", e.toString());
            }
        }
        open.clear();
    }
}
