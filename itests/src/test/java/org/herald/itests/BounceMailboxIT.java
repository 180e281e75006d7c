package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * The bounce mailbox on the booted distribution: GreenMail in this JVM is the IMAP mailbox, the route is
 * switched on by writing {@code etc/org.herald.routes.bounces.cfg} (as an admin would), and the effects are
 * read over REST and the console. A kill -9 in the middle of polling loses nothing and counts nothing twice.
 * Leaves the route off.
 */
@Order(80)
@ExtendWith(HeraldExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BounceMailboxIT {

    private static final Duration DEADLINE = Duration.ofSeconds(120);
    private static final String API = "/herald/api/v1";

    private GreenMail mail;
    private GreenMailUser user;
    private int imapPort;
    private final Session session = Session.getInstance(new Properties());

    @BeforeAll
    void startMailbox() {
        imapPort = freePort();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        user = mail.setUser("bounces@herald.test", "bounces", "it-secret");
    }

    @AfterAll
    void stopMailbox(HeraldContainer herald) throws IOException {
        try {
            HeraldContainer.setProperty(herald.home.resolve("etc/org.herald.routes.bounces.cfg"), "enabled", "false");
        } finally {
            mail.stop();
        }
    }

    private void enable(HeraldContainer herald) throws IOException {
        Path cfg = herald.home.resolve("etc/org.herald.routes.bounces.cfg");
        HeraldContainer.setProperty(cfg, "host", "127.0.0.1");
        HeraldContainer.setProperty(cfg, "port", String.valueOf(imapPort));
        HeraldContainer.setProperty(cfg, "user", "bounces");
        HeraldContainer.setProperty(cfg, "password", "it-secret");
        HeraldContainer.setProperty(cfg, "pollIntervalMillis", "300");
        HeraldContainer.setProperty(cfg, "initialDelayMillis", "0");
        HeraldContainer.setProperty(cfg, "maxMessagesPerPoll", "5");
        HeraldContainer.setProperty(cfg, "enabled", "true");
    }

    @Test
    void bouncesFromTheMailboxChangeContactsAndAreListedEscaped(HeraldContainer herald) throws Exception {
        String hard = contact(herald, "hard");
        String complained = contact(herald, "complaint");
        deliver(dsn(hard, "5.1.1", "550 5.1.1 \u001b[31m<b>User unknown</b> <" + hard + ">"));
        deliver(complaint(complained));
        deliver(("From: someone@else.test\r\nTo: bounces@herald.test\r\nSubject: " + UUID.randomUUID()
                + "\r\n\r\nNot a bounce.\r\n").getBytes(StandardCharsets.US_ASCII));

        enable(herald);
        HeraldContainer.await("the mailbox to empty", DEADLINE, () -> inbox() == 0);

        assertThat(status(herald, hard)).isEqualTo("INACTIVE");
        assertThat(status(herald, complained)).isEqualTo("UNSUBSCRIBED");
        JsonNode listed = parse(herald.admin("GET", API + "/bounces?contact=" + hard, null).body());
        assertThat(listed.get(0).path("class").asText()).isEqualTo("HARD");
        assertThat(listed.get(0).path("effect").asText()).isEqualTo("INACTIVE");
        assertThat(listed.get(0).path("source").asText()).startsWith("imap:bounces@127.0.0.1/");
        JsonNode consent = parse(herald.admin("GET", API + "/contacts/" + complained + "/consent", null).body());
        assertThat(consent.toString()).contains("FEEDBACK_COMPLAINT");

        String console = herald.console("herald:bounce-list --contact " + hard);
        assertThat(console).contains("HARD").contains("userunknown").contains("\\u001b[31m").doesNotContain("\u001b");

        String quarantine = herald.console("herald:bounce-quarantine list");
        assertThat(quarantine).contains("no bounce, complaint or auto-reply report");
        long id = parse(herald.admin("GET", API + "/bounces/quarantine", null).body()).get(0).path("id").asLong();
        assertThat(herald.console("herald:bounce-quarantine retry " + id)).contains("Still quarantined");
        assertThat(herald.console("herald:bounce-quarantine delete " + id)).contains("Deleted quarantined message " + id);
        assertThat(herald.admin("DELETE", API + "/bounces/quarantine/" + id, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aKillInTheMiddleOfPollingLosesNothingAndCountsNothingTwice(HeraldContainer herald) throws Exception {
        int n = 40;
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String email = contact(herald, "soft" + i);
            contacts.add(email);
            deliver(dsn(email, "5.2.2", "552 5.2.2 Mailbox full"));
        }
        enable(herald);
        HeraldContainer.await("some soft bounces recorded", DEADLINE, () -> softBounces(herald, contacts) >= 5);
        herald.kill();
        int left = inbox();
        herald.start();
        HeraldContainer.await("the mailbox to empty", DEADLINE, () -> inbox() == 0);
        System.out.println("BounceMailboxIT: killed with " + left + " of " + n + " messages in the mailbox");

        Set<String> keys = new HashSet<>();
        for (String c : contacts) {
            JsonNode rows = parse(herald.admin("GET", API + "/bounces?class=SOFT&contact=" + c, null).body());
            assertThat(rows).as(c).hasSize(1);
            keys.add(rows.get(0).path("key").asText());
            assertThat(status(herald, c)).isEqualTo("CONFIRMED");
        }
        assertThat(keys).hasSize(n);
    }

    // ---- helpers

    private int softBounces(HeraldContainer herald, List<String> contacts) {
        try {
            int total = 0;
            for (String c : contacts) {
                total += parse(herald.admin("GET", API + "/bounces?class=SOFT&contact=" + c, null).body()).size();
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contact(HeraldContainer herald, String prefix) throws IOException {
        String email = uniqueEmail("bm-" + prefix);
        int code = herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"status\":\"CONFIRMED\"}")
                .statusCode();
        assertThat(code).isEqualTo(201);
        return email;
    }

    private static String status(HeraldContainer herald, String email) throws IOException {
        return parse(herald.admin("GET", API + "/contacts/" + email, null).body()).path("status").asText();
    }

    private void deliver(byte[] raw) throws Exception {
        user.deliver(new MimeMessage(session, new ByteArrayInputStream(raw)));
    }

    private int inbox() {
        try {
            return mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] dsn(String recipient, String status, String diagnostic) {
        return ("""
                From: MAILER-DAEMON@mx.dest.test
                To: bounces@herald.test
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.dest.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain

                Delivery failed.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.dest.test

                Final-Recipient: rfc822; %s
                Action: failed
                Status: %s
                Diagnostic-Code: smtp; %s

                --b1--
                """.formatted(UUID.randomUUID(), recipient, status, diagnostic)).replace("\n", "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] complaint(String recipient) {
        return ("""
                From: abuse@isp.test
                To: bounces@herald.test
                Subject: Abuse report
                Message-ID: <%s@isp.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="a1"

                --a1
                Content-Type: text/plain

                This is an email abuse report.
                --a1
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: isp-fbl/1.0
                Version: 1
                Original-Rcpt-To: %s

                --a1
                Content-Type: message/rfc822

                From: news@herald.test
                To: %s
                Subject: Hello

                Hello.
                --a1--
                """.formatted(UUID.randomUUID(), recipient, recipient)).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
