package org.herald.routes.events.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.herald.camel.support.FailureHeaders;
import org.herald.contacts.ContactInput;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.ContactsConfigs;
import org.herald.contacts.internal.SwitchableDataSource;
import org.herald.contacts.internal.TestBed;
import org.herald.contacts.internal.events.ScoringConfig;
import org.herald.events.ContactEvent;
import org.herald.events.TimelineQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ingest route on a real Camel context with the real event service on Derby (the shared test
 * bed); endpoints from config, the dead letters into {@code mock:}. The database can be taken away
 * and brought back ({@link SwitchableDataSource}).
 */
class EventsInRouteTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private SwitchableDataSource database;
    private TestBed bed;
    private DefaultCamelContext camel;
    private ProducerTemplate producer;
    private MockEndpoint deadLetters;

    @BeforeEach
    void start() {
        database = new SwitchableDataSource(TestBed.freshDatabase());
        bed = new TestBed(database, ContactsConfigs.defaults(), Configs.defaults(ScoringConfig.class));
        bed.contacts.upsert(ContactInput.builder("ann@example.org").build(), TestBed.ADMIN);
    }

    private void startRoute(String source, int transientRedeliveries) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(new EventsInRoute(bed.events, new TestConfig(source, "mock:dead", "mock:events",
                transientRedeliveries, 2, 20, 2)));
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
    void oneEventAndABatchAreStoredOnTheContactsTimelineWithTheQueueAsActor() throws Exception {
        startRoute("direct:in", 2);
        Exchange one = producer.request("direct:in", e -> e.getMessage().setBody(
                "{\"id\":\"order-1\",\"type\":\"purchase\",\"email\":\"ann@example.org\","
                        + "\"properties\":{\"value\":19.90,\"currency\":\"EUR\"}}"));
        assertThat(one.getMessage().getHeader(EventIngest.STORED_HEADER)).isEqualTo(1);
        Exchange batch = producer.request("direct:in", e -> e.getMessage().setBody(
                "[{\"type\":\"page_visit\",\"email\":\"ann@example.org\",\"properties\":{\"url\":\"https://example.org/a\"}},"
                        + "{\"type\":\"cart\",\"email\":\"ann@example.org\",\"properties\":{\"value\":5,\"currency\":\"EUR\"}}]"));
        assertThat(batch.getMessage().getHeader(EventIngest.STORED_HEADER)).isEqualTo(2);

        List<ContactEvent> timeline = bed.events.timeline("ann@example.org", TimelineQuery.latest()).items();
        assertThat(timeline).extracting(ContactEvent::type).startsWith("cart", "page_visit", "purchase");
        ContactEvent purchase = timeline.stream().filter(e -> e.type().equals("purchase")).findFirst().orElseThrow();
        assertThat(purchase.id()).isEqualTo("order-1");
        assertThat(purchase.actor()).isEqualTo(EventsInRoute.ACTOR);
        assertThat(purchase.properties()).containsEntry("currency", "EUR");
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }

    @Test
    void theSameIdSentTwiceIsStoredOnceAndTheSecondIsNoDeadLetter() throws Exception {
        startRoute("direct:in", 2);
        String event = "{\"id\":\"visit-7\",\"type\":\"page_visit\",\"email\":\"ann@example.org\","
                + "\"properties\":{\"url\":\"https://example.org/\"}}";
        producer.sendBody("direct:in", event);
        Exchange again = producer.request("direct:in", e -> e.getMessage().setBody(event));
        assertThat(again.getMessage().getHeader(EventIngest.DUPLICATE_HEADER)).isEqualTo(1);
        assertThat(bed.rows("contact_event WHERE event_type = 'page_visit'")).isEqualTo(1);
        assertThat(deadLetters.getReceivedCounter()).isZero();
    }

    @Test
    void inAMixedBatchEachRefusedEventGoesAloneToTheDeadLettersAsSentWithItsReasonAndIndex() throws Exception {
        startRoute("direct:in", 2);
        String bad = "{\"type\":\"purchase\",\"email\":\"ann@example.org\",\"properties\":{\"currency\":\"EUR\"}}";
        String unknown = "{\"id\":\"u-1\", \"type\":\"page_visit\",  \"email\":\"nobody@example.org\"}";
        String notAnObject = "42";
        Exchange done = producer.request("direct:in", e -> e.getMessage().setBody("[\n"
                + "{\"type\":\"page_visit\",\"email\":\"ann@example.org\"},\n  " + bad + ",\n"
                + unknown + "," + notAnObject + ",{\"type\":\"cart\",\"email\":\"ann@example.org\",\"colour\":\"red\"},"
                + "{\"type\":\"custom_thing\",\"email\":\"ann@example.org\",\"properties\":{\"x\":1.10}}]"));

        assertThat(done.getMessage().getHeader(EventIngest.STORED_HEADER)).isEqualTo(2);
        assertThat(done.getMessage().getHeader(EventIngest.REFUSED_HEADER)).isEqualTo(4);
        assertThat(deadLetters.getExchanges()).hasSize(4);
        assertThat(deadLetters.getExchanges()).extracting(e -> e.getMessage().getBody(String.class))
                .containsExactly(bad, unknown, notAnObject, "{\"type\":\"cart\",\"email\":\"ann@example.org\",\"colour\":\"red\"}");
        assertThat(deadLetters.getExchanges()).extracting(e -> e.getMessage().getHeader(RefusedEventMessage.INDEX_HEADER))
                .containsExactly(1, 2, 3, 4);
        assertThat(error(0)).contains("properties.value");
        assertThat(error(1)).contains("createContact");
        assertThat(deadLetters.getExchanges().get(1).getMessage().getHeader(RefusedEventMessage.OUTCOME_HEADER))
                .isEqualTo("UNKNOWN_CONTACT");
        assertThat(deadLetters.getExchanges().get(1).getMessage().getHeader(RefusedEventMessage.EVENT_ID_HEADER))
                .isEqualTo("u-1");
        assertThat(error(2)).contains("JSON object");
        assertThat(error(3)).contains("colour");
        assertThat(deadLetters.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(FailureHeaders.FAILURE_HEADER)).isEqualTo("REJECTED");
            assertThat(e.getMessage().getHeader(FailureHeaders.FAILED_AT_HEADER)).isNotNull();
            assertThat(e.getMessage().getHeader(EventIngest.STORED_HEADER)).as("no header of the batch").isNull();
        });
        assertThat(bed.events.timeline("ann@example.org", TimelineQuery.latest()).items())
                .extracting(ContactEvent::type).contains("page_visit", "custom_thing").doesNotContain("purchase", "cart");
    }

    @Test
    void aBodyThatIsNoEventDocumentIsParkedWholeAtOnce() throws Exception {
        startRoute("direct:in", 2);
        deadLetters.expectedMessageCount(3);
        producer.sendBody("direct:in", "{\"type\":");
        producer.sendBody("direct:in", "\"purchase\"");
        producer.sendBody("direct:in", "");
        deadLetters.assertIsSatisfied();
        assertThat(deadLetters.getExchanges().get(0).getMessage().getBody(String.class)).isEqualTo("{\"type\":");
        assertThat(error(0)).contains("not valid JSON");
        assertThat(error(1)).contains("object or an array");
        assertThat(error(2)).contains("empty");
        assertThat(deadLetters.getExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(FailureHeaders.FAILURE_HEADER)).isEqualTo("REJECTED");
            assertThat(e.getMessage().getHeader(FailureHeaders.REDELIVERIES_HEADER, Integer.class)).isZero();
        });
    }

    @Test
    void eventsSentWhileTheDatabaseIsAwayAreAllStoredWhenItComesBackAndNoneIsParked() throws Exception {
        startRoute("seda:in", -1);
        int n = 20;
        database.takeAway();
        for (int i = 0; i < n; i++) {
            producer.sendBody("seda:in", "[{\"id\":\"outage-" + i + "\",\"type\":\"page_visit\",\"email\":\"ann@example.org\"},"
                    + "{\"id\":\"outage-cart-" + i + "\",\"type\":\"cart\",\"email\":\"ann@example.org\"}]");
        }
        await("redeliveries against the missing database", () -> database.refused() >= 10);
        assertThat(deadLetters.getReceivedCounter()).as("parked during the outage").isZero();

        database.bringBack();
        await("every event stored", () -> bed.rows("contact_event WHERE event_uid LIKE 'outage-%'") == 2L * n);
        assertThat(deadLetters.getReceivedCounter()).as("parked").isZero();
    }

    @Test
    void aTransientFailureThatOutlastsItsRedeliveriesParksTheMessageWithALogReferenceAndNoSql() throws Exception {
        startRoute("direct:in", 3);
        database.takeAway();
        deadLetters.expectedMessageCount(1);
        String body = "{\"id\":\"late-1\",\"type\":\"page_visit\",\"email\":\"ann@example.org\"}";
        producer.sendBody("direct:in", body);
        deadLetters.assertIsSatisfied();

        Exchange parked = deadLetters.getExchanges().get(0);
        assertThat(parked.getMessage().getBody(String.class)).isEqualTo(body);
        assertThat(parked.getMessage().getHeader(FailureHeaders.FAILURE_HEADER)).isEqualTo("TRANSIENT");
        assertThat(error(0)).contains("database was unavailable").contains("tried 4 times")
                .containsPattern("reference [0-9a-f-]{36}")
                .doesNotContain("1527").doesNotContain("db.internal").doesNotContain("INSERT")
                .doesNotContain("contact_event").doesNotContain("Exception");
    }

    private String error(int index) {
        return deadLetters.getExchanges().get(index).getMessage().getHeader(FailureHeaders.ERROR_HEADER, String.class);
    }

    static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // the interval of a deadline loop
        }
    }
}
