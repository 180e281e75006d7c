package org.herald.routes.bounces.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Properties;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** GreenMail as the bounce mailbox, IMAP and POP3 on free loopback ports, one user. */
final class Mailbox implements AutoCloseable {

    static final String USER = "bounces";
    static final String PASSWORD = "s3cret(pw)";

    final GreenMail mail;
    final GreenMailUser user;
    final int imapPort = freePort();
    final int pop3Port = freePort();
    private final Session session = Session.getInstance(new Properties());

    Mailbox() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP),
                new ServerSetup(pop3Port, "127.0.0.1", ServerSetup.PROTOCOL_POP3)});
        mail.start();
        user = mail.setUser("bounces@herald.test", USER, PASSWORD);
    }

    int port(String protocol) {
        return protocol.startsWith("imap") ? imapPort : pop3Port;
    }

    /** Puts a raw message into the inbox. */
    void deliver(byte[] raw) {
        try {
            user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages in the inbox (deleted ones are expunged when the consumer closes the folder). */
    int count() {
        try {
            return mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        mail.stop();
    }
}
