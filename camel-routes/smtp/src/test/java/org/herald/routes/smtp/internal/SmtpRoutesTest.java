package org.herald.routes.smtp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.apache.camel.impl.DefaultCamelContext;
import org.herald.contacts.internal.Configs;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;
import org.herald.mail.OutboundMessage;
import org.herald.mail.OutboundSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.internet.MimeMessage;

/** The feed and send routes on a real Camel context, seda: as the queue, GreenMail as the relay. */
class SmtpRoutesTest {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(ServerSetupTest.SMTP);

    private DefaultCamelContext camel;

    /** A source handing out what a test put in and recording the results (the campaigns are tested on their own). */
    static final class Source implements OutboundSource {
        final ConcurrentLinkedQueue<OutboundMessage> due = new ConcurrentLinkedQueue<>();
        final List<DeliveryResult> results = new CopyOnWriteArrayList<>();

        @Override
        public List<OutboundMessage> take(int max) {
            List<OutboundMessage> out = new java.util.ArrayList<>();
            OutboundMessage m;
            while (out.size() < max && (m = due.poll()) != null) {
                out.add(m);
            }
            return out;
        }

        @Override
        public boolean wanted(long messageId) {
            return messageId != 99;
        }

        @Override
        public void report(DeliveryResult result) {
            results.add(result);
        }
    }

    private static OutboundMessage message(long id, String to) {
        return OutboundMessage.builder().messageId(id).campaignId(7).contactId("C" + id).rfcMessageId("<c7.m" + id + "@h.test>")
                .from("News <news@h.test>").to(to).envelopeFrom("bounce+tok" + id + "@h.test").subject("Grüße " + id)
                .html("<p>Hello ünïcode</p>").text("Hello ünïcode\n")
                .header("List-Unsubscribe", "<https://h.test/herald/unsubscribe/tok" + id + ">")
                .header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click").build();
    }

    private Source start(Map<String, Object> config) throws Exception {
        Source source = new Source();
        Map<String, Object> c = new java.util.HashMap<>(Map.of("feed", "timer:feed?period=20", "queue", "seda:out"));
        c.putAll(config);
        camel = new DefaultCamelContext();
        camel.addRoutes(new SmtpRoutes(source, Configs.of(SmtpConfig.class, c)));
        camel.start();
        return source;
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    private static void await(BooleanSupplier done) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!done.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not done within 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void messagesReachTheRelayWithUnsubscribeHeadersStableMessageIdAndTheirEnvelopeSender() throws Exception {
        Source source = start(Map.of("host", "127.0.0.1", "port", MAIL.getSmtp().getPort(), "security", "none"));
        source.due.add(message(1, "ann@a.test"));
        source.due.add(message(2, "bob@b.test"));
        source.due.add(message(99, "skip@b.test"));
        await(() -> source.results.size() == 2 && MAIL.getReceivedMessages().length == 2);
        assertThat(source.results).extracting(DeliveryResult::outcome).containsOnly(DeliveryOutcome.ACCEPTED);
        MimeMessage ann = null;
        for (MimeMessage m : MAIL.getReceivedMessages()) {
            if ("<c7.m1@h.test>".equals(m.getMessageID())) {
                ann = m;
            }
        }
        assertThat(ann).isNotNull();
        assertThat(ann.getHeader("List-Unsubscribe", null)).isEqualTo("<https://h.test/herald/unsubscribe/tok1>");
        assertThat(ann.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(ann.getHeader("Return-Path", null)).contains("bounce+tok1@h.test");
        assertThat(ann.getSubject()).isEqualTo("Grüße 1");
        assertThat(ann.getContentType()).startsWith("multipart/alternative");
    }

    @Test
    void aRelayThatCannotBeReachedIsAConnectionFailureNotABounce() throws Exception {
        Source source = start(Map.of("host", "127.0.0.1", "port", 1, "security", "none", "timeoutMillis", 2000));
        source.due.add(message(3, "ann@a.test"));
        await(() -> source.results.size() == 1);
        assertThat(source.results.get(0).outcome()).isEqualTo(DeliveryOutcome.CONNECTION);
    }

    @Test
    void withoutARelayMessagesAreWrittenToTheOutboxOncePerMessageId(@TempDir Path dir) throws Exception {
        Source source = start(Map.of("outbox", dir.toString()));
        source.due.add(message(4, "ann@a.test"));
        source.due.add(message(4, "ann@a.test"));
        await(() -> source.results.size() == 2);
        try (var files = Files.list(dir)) {
            List<Path> eml = files.toList();
            assertThat(eml).singleElement().satisfies(p -> {
                assertThat(p.getFileName().toString()).isEqualTo("c7.m4@h.test.eml");
                String text = Files.readString(p);
                assertThat(text).startsWith("Return-Path: <bounce+tok4@h.test>").contains("Message-ID: <c7.m4@h.test>")
                        .contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
            });
        }
    }

    @Test
    void repliesAreClassifiedByCodeAndEnhancedStatus() {
        assertThat(Replies.outcome(451, "4.7.1 try later")).isEqualTo(DeliveryOutcome.TEMPORARY);
        assertThat(Replies.outcome(550, "5.1.1 no such user")).isEqualTo(DeliveryOutcome.USER_UNKNOWN);
        assertThat(Replies.outcome(550, "5.7.1 rejected as spam")).isEqualTo(DeliveryOutcome.POLICY);
        assertThat(Replies.outcome(552, "5.3.4 message too big")).isEqualTo(DeliveryOutcome.PERMANENT);
    }
}
