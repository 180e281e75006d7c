package org.herald.routes.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.herald.bounce.BounceClass;
import org.herald.bounces.processing.internal.BounceBed;
import org.herald.campaigns.MessageStatus;
import org.herald.contacts.Contact;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.ContactsConfigs;
import org.herald.contacts.internal.SwitchableDataSource;
import org.herald.contacts.internal.TestBed;
import org.herald.contacts.internal.events.ScoringConfig;
import org.herald.store.MessageStore.MessageRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The mailbox route on a real Camel context with GreenMail as the mailbox and the processor on real Derby. */
class BounceMailboxRouteTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    private Mailbox mailbox;
    private BounceBed b;
    private final List<CamelContext> contexts = new ArrayList<>();
    private final List<BounceMailboxRoute> routes = new ArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();

    @BeforeEach
    void setUp() {
        mailbox = new Mailbox();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (CamelContext c : contexts) {
            c.stop();
        }
        routes.forEach(BounceMailboxRoute::deactivate);
        if (b != null) {
            b.close();
        }
        mailbox.close();
    }

    private CamelContext start(String protocol, Map<String, Object> extra) throws Exception {
        return start(protocol, extra, null);
    }

    private CamelContext start(String protocol, Map<String, Object> extra,
            org.herald.preferences.SubscriberService subscribers) throws Exception {
        Map<String, Object> cfg = new HashMap<>(Map.of("enabled", true, "protocol", protocol, "host", "127.0.0.1",
                "port", mailbox.port(protocol), "user", Mailbox.USER, "password", Mailbox.PASSWORD,
                "pollIntervalMillis", 100L, "initialDelayMillis", 0L, "timeoutMillis", 5000));
        cfg.putAll(extra);
        BounceMailboxRoute route = new BounceMailboxRoute(b.processor, Configs.of(BounceMailboxConfig.class, cfg), subscribers);
        routes.add(route);
        CamelContext ctx = new DefaultCamelContext();
        ctx.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeFailedEvent) {
                    failed.incrementAndGet();
                }
            }
        });
        ctx.addRoutes(route);
        ctx.start();
        contexts.add(ctx);
        return ctx;
    }

    @ParameterizedTest
    @ValueSource(strings = {"imap", "pop3"})
    void bouncesInTheMailboxChangeContactsAndLeaveTheMailboxOnlyOnceApplied(String protocol) throws Exception {
        b = new BounceBed();
        Contact ann = b.contact("ann@dest.test");
        Contact bo = b.contact("bo@dest.test");
        Contact cy = b.contact("cy@dest.test");
        MessageRecord toAnn = b.sent(ann);
        MessageRecord toCy = b.sent(cy);
        mailbox.deliver(BounceBed.hard(b.bounceAddress(toAnn), "ann@dest.test", null));
        mailbox.deliver(BounceBed.complaint("fbl@herald.test", "bo@dest.test", null));
        mailbox.deliver(BounceBed.soft(b.bounceAddress(toCy), "cy@dest.test", null));
        mailbox.deliver(sample("ordinary/ordinary.eml"));
        assertThat(mailbox.count()).isEqualTo(4);

        start(protocol, Map.of());
        await("the mailbox to empty", () -> mailbox.count() == 0);

        assertThat(b.status(ann.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(b.status(bo.id())).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(b.status(cy.id())).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(b.bed.stores.messages().find(toAnn.id()).status()).isEqualTo(MessageStatus.UF);
        assertThat(b.bed.stores.messages().find(toCy.id()).status()).isEqualTo(MessageStatus.SF);
        assertThat(b.processor.list(null, null, 0, 100)).extracting(x -> x.source())
                .allSatisfy(s -> assertThat(s).startsWith(protocol + ":bounces@127.0.0.1/"));
        // the ordinary message is not lost: it is in the quarantine with its bytes
        assertThat(b.processor.quarantined(0, 10)).singleElement()
                .satisfies(q -> assertThat(b.processor.quarantinedMessage(q.id())).isNotEmpty());
    }

    @org.junit.jupiter.api.Test
    void anUnsubscribeRequestByMailIsAOneClickUnsubscribeAndAForgedOneIsQuarantined() throws Exception {
        b = new BounceBed();
        b.bed.lists.create("l");
        Contact fay = b.contact("fay@dest.test");
        b.bed.contacts.subscribe(fay.id(), "l", org.herald.contacts.internal.TestBed.ADMIN);
        MessageRecord toFay = b.sent(fay);
        var policy = new org.herald.campaigns.internal.DefaultSendPolicy(b.bed.stores.contacts(), b.bed.contacts,
                b.bed.stores.messages());
        var templates = new org.herald.campaigns.internal.DefaultTemplateService(b.bed.stores.templates(),
                b.bed.stores.campaigns());
        var links = new org.herald.campaigns.internal.DefaultSubscriberLinks(b.tokens,
                Configs.defaults(org.herald.campaigns.internal.CampaignsConfig.class));
        var confirmations = new org.herald.campaigns.internal.DefaultConfirmationMail(b.bed.contacts, b.bed.stores.contacts(),
                b.bed.stores.messages(), links, templates, policy,
                Configs.defaults(org.herald.campaigns.internal.ConfirmationConfig.class));
        var subscribers = new org.herald.preferences.internal.DefaultSubscriberService(b.tokens, b.bed.contacts,
                b.bed.lists, b.bed.fields, policy, b.bed.stores.messages(), b.bed.events, confirmations,
                new org.herald.forms.internal.DefaultFormService(b.bed.stores.forms(), b.bed.contacts, b.bed.fields,
                        b.bed.lists, confirmations, b.tokens, Configs.defaults(org.herald.forms.internal.FormsConfig.class)),
                Configs.defaults(org.herald.pages.internal.PagesConfig.class));
        String token = links.forMessage(fay.id(), toFay.id()).get("unsubscribe_token");
        mailbox.deliver(("From: fay@dest.test\r\nTo: unsubscribe@herald.test\r\nSubject: unsubscribe " + token
                + "\r\nMessage-ID: <u1@dest.test>\r\n\r\nPlease take me off.\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        mailbox.deliver(("From: x@dest.test\r\nTo: unsubscribe@herald.test\r\nSubject: unsubscribe " + token + "x"
                + "\r\nMessage-ID: <u2@dest.test>\r\n\r\nforged\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        start("imap", Map.of(), subscribers);
        await("the mailbox to empty", () -> mailbox.count() == 0);

        assertThat(b.bed.contacts.get(fay.id()).lists()).doesNotContain("l");
        assertThat(b.bed.contacts.consentHistory(fay.id())).last().satisfies(e -> {
            assertThat(e.source()).isEqualTo(org.herald.contacts.ConsentSource.MESSAGE);
            assertThat(e.messageId()).isEqualTo(toFay.id());
        });
        // the forged request changed nothing and is kept in the quarantine with its bytes
        assertThat(b.processor.quarantined(0, 10)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"imap", "pop3"})
    void whileTheDatabaseIsDownNothingLeavesTheMailboxAndAllIsAppliedWhenItIsBack(String protocol) throws Exception {
        SwitchableDataSource db = new SwitchableDataSource(TestBed.freshDatabase());
        b = new BounceBed(new TestBed(db, ContactsConfigs.defaults(), Configs.defaults(ScoringConfig.class)), Map.of());
        Contact dee = b.contact("dee@dest.test");
        Contact eve = b.contact("eve@dest.test");
        mailbox.deliver(BounceBed.hard("bounces@herald.test", "dee@dest.test", null));
        mailbox.deliver(BounceBed.complaint("fbl@herald.test", "eve@dest.test", null));

        db.takeAway();
        start(protocol, Map.of());
        await("several failed attempts", () -> failed.get() >= 4);
        assertThat(mailbox.count()).isEqualTo(2);

        db.bringBack();
        await("the mailbox to empty", () -> mailbox.count() == 0);
        assertThat(b.status(dee.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(b.status(eve.id())).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(b.processor.quarantined(0, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"imap", "pop3"})
    void aRestartMidPollLosesNothingAndCountsNothingTwice(String protocol) throws Exception {
        b = new BounceBed();
        int n = 40;
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Contact c = b.contact("r" + i + "@dest.test");
            contacts.add(c);
            mailbox.deliver(BounceBed.soft(b.bounceAddress(b.sent(c)), c.email(), null));
        }
        CamelContext first = start(protocol, Map.of("maxMessagesPerPoll", 3));
        await("some bounces recorded", () -> b.processor.list(null, null, 0, n).size() >= 6);
        first.stop();
        int left = mailbox.count();
        assertThat(left).isLessThan(n).isGreaterThan(0);

        // a message whose result was committed but which was not deleted (a crash between the two) comes back
        byte[] again = BounceBed.soft(b.bounceAddress(b.sent(contacts.get(0))), contacts.get(0).email(), null);
        b.processor.process(again, "crash-before-delete");
        mailbox.deliver(again);

        start(protocol, Map.of("maxMessagesPerPoll", 3));
        await("the mailbox to empty", () -> mailbox.count() == 0);
        assertThat(b.processor.list(BounceClass.SOFT, null, 0, 1000)).hasSize(n + 1);
        for (Contact c : contacts) {
            int expected = c == contacts.get(0) ? 2 : 1;
            assertThat(b.bed.stores.bounces().softBounces(b.bed.stores.contacts().findById(c.id()).orElseThrow().key())
                    .count()).as(c.email()).isEqualTo(expected);
        }
        assertThat(b.processor.quarantined(0, 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"imap", "pop3"})
    void theSharedSampleSetThroughTheMailboxChangesContactStatus(String protocol) throws Exception {
        Path dir = Path.of(System.getProperty("herald.bounce.samples", "../../../shared/data/bounces"));
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("expected.jsonl")),
                "the shared bounce samples are not at " + dir.toAbsolutePath() + " (-Dherald.bounce.samples=...)");
        b = new BounceBed();
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> uses = new HashMap<>();
        List<JsonNode> expected = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("expected.jsonl"))) {
            JsonNode e = json.readTree(line);
            expected.add(e);
            if (e.hasNonNull("recipient")) {
                uses.merge(e.get("recipient").asText(), 1, Integer::sum);
            }
        }
        // a contact for each address the set names once with a class that changes or keeps a contact
        Map<String, String> want = new LinkedHashMap<>();
        for (JsonNode e : expected) {
            String r = e.hasNonNull("recipient") ? e.get("recipient").asText() : null;
            String cls = e.get("class").asText();
            if (r != null && uses.get(r) == 1 && List.of("HARD", "COMPLAINT", "BLOCKED").contains(cls)) {
                try {
                    b.contact(r);
                    want.put(r, cls);
                } catch (RuntimeException invalid) {
                    // addresses Herald refuses as contacts (e.g. without a domain dot) are left out
                }
            }
        }
        List<Path> emails;
        try (var s = Files.list(dir.resolve("emails"))) {
            emails = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
        for (Path p : emails) {
            mailbox.deliver(Files.readAllBytes(p));
        }
        start(protocol, Map.of("maxMessagesPerPoll", 50));
        await("the mailbox to empty", () -> mailbox.count() == 0);

        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> w : want.entrySet()) {
            OptInStatus expectedStatus = switch (w.getValue()) {
                case "HARD" -> OptInStatus.INACTIVE;
                case "COMPLAINT" -> OptInStatus.UNSUBSCRIBED;
                default -> OptInStatus.CONFIRMED;
            };
            OptInStatus actual = b.status(w.getKey());
            if (actual == expectedStatus) {
                right++;
            } else {
                wrong.add(w.getKey() + " " + w.getValue() + " -> " + actual);
            }
        }
        System.out.printf("%s: %d of %d contacts as expected; %d messages; wrong: %s%n", protocol, right, want.size(),
                emails.size(), wrong);
        assertThat(want).hasSizeGreaterThan(50);
        assertThat(right).as("contacts with the status their bounce implies; wrong: " + wrong)
                .isGreaterThanOrEqualTo((int) Math.ceil(want.size() * 0.9));
        // every message is accounted for: recorded or quarantined, none lost
        long recordedKeys = b.processor.list(null, null, 0, 10_000).stream().map(x -> x.key()).distinct().count();
        long quarantined = b.processor.quarantined(0, 10_000).size();
        assertThat(recordedKeys + quarantined).isEqualTo(emails.size());
    }

    static byte[] sample(String name) throws IOException {
        try (var in = BounceMailboxRouteTest.class.getResourceAsStream("/samples/" + name)) {
            return in.readAllBytes();
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
