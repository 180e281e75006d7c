package org.herald.routes.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.herald.camel.support.FailureHeaders;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.ContactsConfigs;
import org.herald.contacts.internal.SwitchableDataSource;
import org.herald.contacts.internal.TestBed;
import org.herald.contacts.internal.events.ScoringConfig;
import org.herald.contacts.json.ContactInputCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.herald.contacts.internal.DefaultContactService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The route on a real Camel context, with the real contact services on Derby; endpoints from config.
 * The database can be taken away and brought back ({@link SwitchableDataSource}).
 */
class ContactsInRouteTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(10);

    private SwitchableDataSource database;
    private TestBed bed;
    private DefaultContactService contacts;
    private DefaultCamelContext camel;
    private ProducerTemplate producer;
    private MockEndpoint deadLetters;

    @BeforeEach
    void start() {
        database = new SwitchableDataSource(TestBed.freshDatabase());
        bed = new TestBed(database, ContactsConfigs.defaults(), Configs.defaults(ScoringConfig.class));
        contacts = bed.contacts;
    }

    /** Starts the route from {@code source} with {@code transientRedeliveries} (-1: unbounded) and fast back-off. */
    private void startRoute(String source, int transientRedeliveries) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new ContactsInRoute(contacts, new Config(source, "mock:dead", transientRedeliveries, 2, 20, 2)));
        camel.start();
        producer = camel.createProducerTemplate();
        deadLetters = camel.getEndpoint("mock:dead", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        database.bringBack();
        if (camel != null) {
            camel.stop();
        }
        bed.close();
    }

    @Test
    void upsertMessageCreatesThenUpdatesTheSameContact() throws Exception {
        startRoute("direct:in", 2);
        Exchange first = producer.request("direct:in", e -> e.getMessage().setBody(
                "{\"email\":\"Ann@Example.org\",\"status\":\"CONFIRMED\",\"tags\":[\"vip\"]}"));
        assertThat(first.getMessage().getHeader(ContactUpsert.OUTCOME_HEADER)).isEqualTo("CREATED");
        Exchange second = producer.request("direct:in", e -> e.getMessage().setBody(
                "{\"email\":\"ann@example.org\",\"tags\":[\"gold\"]}"));
        assertThat(second.getMessage().getHeader(ContactUpsert.OUTCOME_HEADER)).isEqualTo("UPDATED");
        assertThat(second.getMessage().getHeader(ContactUpsert.CONTACT_ID_HEADER))
                .isEqualTo(first.getMessage().getHeader(ContactUpsert.CONTACT_ID_HEADER));

        Contact ann = contacts.get("ann@example.org");
        assertThat(ann.status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(ann.tags()).containsExactlyInAnyOrder("vip", "gold");
        assertThat(contacts.consentHistory("ann@example.org")).first()
                .satisfies(entry -> {
                    assertThat(entry.source()).isEqualTo(ConsentSource.API);
                    assertThat(entry.actor()).isEqualTo(ContactsInRoute.ACTOR);
                });
        deadLetters.expectedMessageCount(0);
        deadLetters.assertIsSatisfied();
    }

    @Test
    void invalidMessagesGoToTheDeadLettersUnchangedWithTheReasonAndAreNotRetried() throws Exception {
        startRoute("direct:in", 2);
        deadLetters.expectedMessageCount(4);
        producer.sendBody("direct:in", "{\"email\":\"not-an-address\"}");
        producer.sendBody("direct:in", "{\"email\":");
        producer.sendBody("direct:in", "{\"email\":\"a@example.org\",\"colour\":\"red\"}");
        producer.sendBody("direct:in", "{\"email\":\"b@example.org\",\"status\":\"SOMETIMES\"}");
        deadLetters.assertIsSatisfied();

        assertThat(deadLetters.getExchanges().get(0).getMessage().getBody(String.class)).isEqualTo("{\"email\":\"not-an-address\"}");
        assertThat(error(0)).contains("not-an-address");
        assertThat(error(1)).contains("not valid JSON");
        assertThat(error(2)).contains("colour");
        assertThat(error(3)).contains("SOMETIMES");
        assertThat(deadLetters.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(FailureHeaders.FAILED_AT_HEADER)).isNotNull();
            assertThat(e.getMessage().getHeader(FailureHeaders.FAILURE_HEADER)).isEqualTo("REJECTED");
            assertThat(e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class)).isZero();
            assertThat(e.getMessage().getHeader(FailureHeaders.REDELIVERIES_HEADER, Integer.class)).isZero();
        });
        assertThat(contacts.count(ContactQuery.all())).isZero();
    }

    static java.util.List<ContactInputCases.Case> cases() {
        return ContactInputCases.all();
    }

    /** The same documents and messages as REST POST /contacts (JsonBodiesTest in herald-rest). */
    @ParameterizedTest
    @MethodSource("cases")
    void queueAcceptsAndRefusesTheSharedDocumentsWithTheirMessages(ContactInputCases.Case c) throws Exception {
        startRoute("direct:in", 2);
        Exchange done = producer.request("direct:in", e -> e.getMessage().setBody(c.document()));
        if (c.accepted()) {
            assertThat(done.getMessage().getHeader("heraldOutcome")).isEqualTo("CREATED");
            assertThat(deadLetters.getExchanges()).isEmpty();
        } else {
            assertThat(deadLetters.getExchanges()).hasSize(1);
            assertThat(error(0)).isEqualTo(c.error());
        }
    }

    @Test
    void unsubscribedContactIsNotReconfirmedByTheQueue() throws Exception {
        startRoute("direct:in", 2);
        producer.sendBody("direct:in", "{\"email\":\"cy@example.org\",\"status\":\"UNSUBSCRIBED\"}");
        deadLetters.expectedMessageCount(1);
        producer.sendBody("direct:in", "{\"email\":\"cy@example.org\",\"status\":\"CONFIRMED\"}");
        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getExchanges().get(0).getMessage().getHeader(FailureHeaders.FAILURE_HEADER))
                .isEqualTo("REJECTED");
        assertThat(contacts.get("cy@example.org").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
    }

    @Test
    void messagesSentWhileTheDatabaseIsAwayAreAllStoredWhenItComesBackAndNoneIsParked() throws Exception {
        // a queue with one consumer, as the broker queue: the first message is redelivered, the rest wait
        startRoute("seda:in", -1);
        int n = 20;
        database.takeAway();
        for (int i = 0; i < n; i++) {
            producer.sendBody("seda:in", "{\"email\":\"outage" + i + "@example.org\",\"tags\":[\"outage\"]}");
        }
        // the route keeps trying (well past its first back-off steps) while the database is away
        await("redeliveries against the missing database", () -> database.refused() >= 10);
        assertThat(deadLetters.getReceivedCounter()).as("parked during the outage").isZero();

        database.bringBack();
        await("every message stored", () -> contacts.count(ContactQuery.all()) == n);
        for (int i = 0; i < n; i++) {
            assertThat(contacts.get("outage" + i + "@example.org").tags()).containsExactly("outage");
        }
        assertThat(deadLetters.getReceivedCounter()).as("parked").isZero();
    }

    @Test
    void stoppingTheRouteDuringAnOutageDoesNotParkTheMessageBeingRedelivered() throws Exception {
        startRoute("seda:in", -1);
        database.takeAway();
        producer.sendBody("seda:in", "{\"email\":\"eve@example.org\"}");
        await("redeliveries against the missing database", () -> database.refused() >= 3);
        long started = System.nanoTime();
        camel.stop();
        // the redelivery gives up at once (it does not run out the 45 s shutdown timeout) and does not
        // park the message: with a transacted JMS consumer the broker keeps it
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(deadLetters.getReceivedCounter()).as("parked").isZero();
    }

    @Test
    void invalidInputIsParkedAtOnceEvenWhileTheDatabaseIsAway() throws Exception {
        startRoute("direct:in", -1);
        database.takeAway();
        deadLetters.expectedMessageCount(2);
        producer.sendBody("direct:in", "{\"email\":\"not-an-address\"}");
        producer.sendBody("direct:in", "[1,2]");
        deadLetters.assertIsSatisfied();
        assertThat(error(0)).contains("not-an-address");
        assertThat(deadLetters.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(FailureHeaders.FAILURE_HEADER)).isEqualTo("REJECTED");
            assertThat(e.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class)).isZero();
            assertThat(e.getMessage().getHeader(FailureHeaders.REDELIVERIES_HEADER, Integer.class)).isZero();
        });
    }

    @Test
    void aTransientFailureThatOutlastsItsRedeliveriesIsParkedWithALogReferenceAndNoSql() throws Exception {
        startRoute("direct:in", 3);
        database.takeAway();
        deadLetters.expectedMessageCount(1);
        String body = "{\"email\":\"dana@example.org\"}";
        producer.sendBody("direct:in", body);
        deadLetters.assertIsSatisfied();

        Exchange parked = deadLetters.getExchanges().get(0);
        assertThat(parked.getMessage().getBody(String.class)).isEqualTo(body);
        assertThat(parked.getMessage().getHeader(FailureHeaders.FAILURE_HEADER)).isEqualTo("TRANSIENT");
        assertThat(parked.getMessage().getHeader(FailureHeaders.REDELIVERIES_HEADER, Integer.class)).isEqualTo(3);
        assertThat(error(0)).contains("database was unavailable").contains("tried 4 times").containsPattern("reference [0-9a-f-]{36}")
                .doesNotContain("1527").doesNotContain("db.internal").doesNotContain("SELECT")
                .doesNotContain("herald_contact").doesNotContain("Exception").doesNotContain("cannot");
        database.bringBack();
        assertThat(contacts.find("dana@example.org")).isEmpty();
    }

    private String error(int index) {
        return deadLetters.getExchanges().get(index).getMessage().getHeader(FailureHeaders.ERROR_HEADER, String.class);
    }

    private static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(POLL.toNanos()); // the interval of a deadline loop, not synchronisation
        }
    }

    private record Config(String source, String deadLetter, int maximumRedeliveries, long redeliveryDelay,
            long maximumRedeliveryDelay, int unexpectedRedeliveries) implements ContactsRouteConfig {
        @Override
        public Class<? extends Annotation> annotationType() {
            return ContactsRouteConfig.class;
        }
    }
}
