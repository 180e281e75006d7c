package org.herald.bounces.processing.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.bounce.BounceClassifier;
import org.herald.bounce.BounceRecord;
import org.herald.bounces.internal.Classifier;
import org.herald.campaigns.CampaignState;
import org.herald.campaigns.MessageStatus;
import org.herald.campaigns.internal.tokens.HmacTokens;
import org.herald.campaigns.internal.tokens.TokensConfig;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.TestBed;
import org.herald.store.CampaignStore.CampaignRecord;
import org.herald.store.EventWrite;
import org.herald.store.MessageStore.MessageRecord;
import org.herald.store.MessageStore.Recipient;
import org.herald.store.MessageStore.StatusChange;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;

/**
 * The bounce processor as the container wires it, on the contacts test bed (real Derby), the real
 * classifier and the real token service, with a clock the test moves; and reports written for tests.
 * Public for the bounce route's tests (this module's test jar).
 */
public final class BounceBed implements AutoCloseable {

    public static final String SENDER_DOMAIN = "news.test";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    public final TestBed bed;
    public final HmacTokens tokens;
    public final Classifier classifierImpl = Classifier.withDefaults();
    public final BounceClassifier classifier = new BounceClassifier() {
        @Override
        public List<BounceRecord> classify(byte[] message) {
            return classifierImpl.classify(message);
        }

        @Override
        public long maxMessageBytes() {
            return classifierImpl.maxBytes();
        }
    };
    public final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T08:00:00Z"));
    public final DefaultBounceProcessor processor;

    public BounceBed() {
        this(new TestBed(), Map.of());
    }

    public BounceBed(TestBed bed, Map<String, Object> config) {
        this.bed = bed;
        this.tokens = new HmacTokens(bed.stores.settings(), Configs.defaults(TokensConfig.class));
        this.processor = new DefaultBounceProcessor(classifier, bed.stores.bounces(), bed.contacts, bed.stores.contacts(),
                bed.stores.messages(), bed.stores.campaigns(), tokens, Configs.of(ProcessingConfig.class, new HashMap<>(config)),
                clock);
    }

    /** A CONFIRMED contact. */
    public Contact contact(String email) {
        return bed.contacts.upsert(ContactInput.builder(email).status(OptInStatus.CONFIRMED).build(), TestBed.ADMIN)
                .contact();
    }

    public OptInStatus status(String idOrEmail) {
        return bed.contacts.get(idOrEmail).status();
    }

    /** A message of a new campaign (From news@news.test) to the contact, SENT. */
    public MessageRecord sent(Contact c) {
        Instant now = clock.instant();
        CampaignRecord campaign = bed.stores.campaigns().create(new CampaignRecord(0, "c" + COUNTER.incrementAndGet(), "t",
                null, "news@" + SENDER_DOMAIN, null, CampaignState.SENDING, false, false, List.of("l"), List.of(), List.of(),
                List.of(), null, now, now, null));
        long key = bed.stores.contacts().findById(c.id()).orElseThrow().key();
        MessageRecord m = bed.stores.messages().enqueue(campaign.id(), List.of(new Recipient(key, c.id(), List.of("l"))),
                now, r -> event(r, "message_queued")).get(0);
        bed.stores.messages().change(List.of(new StatusChange(m.id(), MessageStatus.SENT, now, null, "250 ok")),
                r -> event(r, "message_sent"));
        return bed.stores.messages().find(m.id());
    }

    private static EventWrite event(MessageRecord m, String type) {
        return new EventWrite(UUID.randomUUID().toString(), false, m.contactKey(), m.contactId(), type, Instant.now(),
                Instant.now(), "campaign:" + m.campaignId(), "test", Map.of("message", m.id()), null, null);
    }

    /** The envelope sender the campaigns give the message: where its bounces are delivered. */
    public String bounceAddress(MessageRecord m) {
        return "bounce+" + tokens.issue(Token.of(TokenPurpose.BOUNCE, m.contactId(), m.id())) + "@bounces.herald.test";
    }

    /** The Message-ID the campaigns give the message. */
    public static String messageId(MessageRecord m) {
        return "<c" + m.campaignId() + ".m" + m.id() + "@herald.test>";
    }

    /** An RFC 3464 report to {@code to} about {@code recipient}, returning the headers of {@code originalMessageId}. */
    public static byte[] dsn(String to, String recipient, String status, String diagnostic, String originalMessageId) {
        String text = """
                Return-Path: <>
                From: MAILER-DAEMON@mx.dest.test (Mail Delivery System)
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%s@mx.dest.test>
                Date: Mon, 2 Nov 2026 08:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

                --b1
                Content-Type: text/plain; charset=us-ascii

                Your message could not be delivered.
                --b1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.dest.test

                Final-Recipient: rfc822; %s
                Action: failed
                Status: %s
                Diagnostic-Code: smtp; %s

                --b1
                Content-Type: text/rfc822-headers

                From: News <news@%s>
                To: %s
                Subject: Hello
                Message-ID: %s

                --b1--
                """.formatted(to, UUID.randomUUID(), recipient, status, diagnostic, SENDER_DOMAIN, recipient,
                originalMessageId == null ? "<other@elsewhere.test>" : originalMessageId);
        return crlf(text);
    }

    /** A user-unknown hard bounce. */
    public static byte[] hard(String to, String recipient, String originalMessageId) {
        return dsn(to, recipient, "5.1.1", "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown",
                originalMessageId);
    }

    /**
     * A user-unknown hard bounce on words alone: no X.1.x status, no SMTP stage, a remote server's reply
     * (the classifier marks it unconfirmed).
     */
    public static byte[] unconfirmedHard(String to, String recipient, String originalMessageId) {
        return dsn(to, recipient, "5.0.0", "550 <" + recipient + ">... User unknown", originalMessageId);
    }

    /** A mailbox-full soft bounce. */
    public static byte[] soft(String to, String recipient, String originalMessageId) {
        return dsn(to, recipient, "5.2.2", "552 5.2.2 <" + recipient + ">: Mailbox full, quota exceeded",
                originalMessageId);
    }

    /** A block-list rejection. */
    public static byte[] blocked(String to, String recipient, String originalMessageId) {
        return dsn(to, recipient, "5.7.1", "554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using"
                + " zen.spamhaus.org", originalMessageId);
    }

    /** An RFC 5965 abuse report about a message to {@code recipient}. */
    public static byte[] complaint(String to, String recipient, String originalMessageId) {
        String text = """
                From: abuse@isp.test
                To: %s
                Subject: Abuse report
                Message-ID: <%s@isp.test>
                Date: Mon, 2 Nov 2026 08:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="a1"

                --a1
                Content-Type: text/plain; charset=us-ascii

                This is an email abuse report.
                --a1
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: isp-fbl/1.0
                Version: 1
                Original-Rcpt-To: %s

                --a1
                Content-Type: message/rfc822

                From: News <news@%s>
                To: %s
                Subject: Hello
                Message-ID: %s

                Hello there.
                --a1--
                """.formatted(to, UUID.randomUUID(), recipient, SENDER_DOMAIN, recipient,
                originalMessageId == null ? "<other@elsewhere.test>" : originalMessageId);
        return crlf(text);
    }

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        classifierImpl.close();
        bed.close();
    }

    /** A clock the test moves forward. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        public void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
