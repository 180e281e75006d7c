package org.herald.routes.events.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herald.routes.events.internal.EventsInRouteTest.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.internal.TestBed;
import org.herald.events.ContactEvent;
import org.herald.events.EventInput;
import org.herald.events.spi.ContactEventListener;
import org.herald.json.HeraldJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The publisher as the container runs it: a route in a real Camel context (the topic a {@code mock:}
 * endpoint) fed by the real event dispatcher from the log of the shared test bed.
 */
class EventsPublisherTest {

    private TestBed bed;
    private DefaultCamelContext camel;
    private EventsPublisher publisher;
    private MockEndpoint topic;

    @BeforeEach
    void start() {
        bed = new TestBed();
        publisher = new EventsPublisher(TestConfig.publishingTo("mock:events"));
    }

    private void startCamel() throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(publisher);
        camel.start();
        topic = camel.getEndpoint("mock:events", MockEndpoint.class);
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
        publisher.deactivate();
        bed.close();
    }

    /** The publisher's service properties, as its component declares them. */
    private static Map<String, Object> properties() {
        return Map.of(ContactEventListener.NAME, EventsPublisher.LISTENER_NAME, EventsPublisher.ATTEMPTS, 0);
    }

    @Test
    void everyEventOfTheLogIsPublishedInOrderAsJsonWithItsProperties() throws Exception {
        startCamel();
        Contact ann = bed.contacts.upsert(ContactInput.builder("ann@example.org").tag("vip").build(), TestBed.ADMIN).contact();
        bed.events.ingest(List.of(EventInput.builder("purchase").id("order-9").email("ann@example.org")
                .properties(Map.of("value", 42, "currency", "EUR")).build()), TestBed.API);
        bed.dispatcher().addListener(publisher, properties());

        await("the three events on the topic", () -> topic.getReceivedCounter() >= 3);
        List<Exchange> sent = topic.getExchanges();
        assertThat(sent).extracting(e -> e.getMessage().getHeader(EventsPublisher.EVENT_TYPE))
                .containsExactly("created", "tag_added", "purchase");
        assertThat(sent).extracting(e -> e.getMessage().getHeader(EventsPublisher.SEQUENCE, Long.class))
                .isSorted().doesNotHaveDuplicates();
        assertThat(sent).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(EventsPublisher.CONTACT_ID)).isEqualTo(ann.id());
            assertThat(e.getMessage().getHeader(EventsPublisher.GROUP_ID)).isEqualTo(ann.id());
            assertThat(e.getMessage().getBody()).isInstanceOf(String.class);
        });

        Exchange purchase = sent.get(2);
        assertThat(purchase.getMessage().getHeader(EventsPublisher.EVENT_ID)).isEqualTo("order-9");
        JsonNode json = HeraldJson.mapper().readTree(purchase.getMessage().getBody(String.class));
        assertThat(json.path("id").asText()).isEqualTo("order-9");
        assertThat(json.path("type").asText()).isEqualTo("purchase");
        assertThat(json.path("contact").asText()).isEqualTo(ann.id());
        assertThat(json.path("sequence").asLong()).isEqualTo(purchase.getMessage().getHeader(EventsPublisher.SEQUENCE, Long.class));
        assertThat(json.path("properties").path("currency").asText()).isEqualTo("EUR");
        assertThat(json.path("properties").path("value").decimalValue()).isEqualByComparingTo("42");
        assertThat(json.toString()).doesNotContain("ann@example.org");
    }

    @Test
    void eventsLoggedWhileTheRouteIsNotRunningArePublishedWhenItStartsAndNoneIsSetAside() throws Exception {
        bed.dispatcher().addListener(publisher, properties());
        for (int i = 0; i < 5; i++) {
            bed.contacts.upsert(ContactInput.builder("early" + i + "@example.org").build(), TestBed.ADMIN);
        }
        // the dispatcher is trying and the publisher refusing (the route is not in a context yet)
        await("a refused delivery", () -> bed.dispatcher().status().stream()
                .anyMatch(s -> s.name().equals(EventsPublisher.LISTENER_NAME) && s.lastError() != null));

        startCamel();
        await("the five events once the route runs", () -> topic.getReceivedCounter() >= 5);
        assertThat(topic.getExchanges()).extracting(e -> e.getMessage().getHeader(EventsPublisher.SEQUENCE, Long.class))
                .isSorted();
        assertThat(bed.stores.events().parked(EventsPublisher.LISTENER_NAME)).as("set aside").isEmpty();
    }

    @Test
    void publishingThrowsWhileTheRouteIsNotRunningSoTheDispatcherKeepsThePosition() throws Exception {
        ContactEvent event = ContactEvent.builder().id("e-1").sequence(1).type("created").contactId("c1")
                .occurredAt(Instant.now()).build();
        assertThatThrownBy(() -> publisher.onEvents(List.of(event)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");

        startCamel();
        publisher.onEvents(List.of(event));
        assertThat(topic.getReceivedCounter()).isEqualTo(1);

        camel.stop();
        assertThatThrownBy(() -> publisher.onEvents(List.of(event)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
    }

    @Test
    void aFailingTopicMakesTheWholeCallFailAfterTheEventsBeforeIt() throws Exception {
        publisher = new EventsPublisher(TestConfig.publishingTo("mock:events"));
        startCamel();
        topic.whenExchangeReceived(2, e -> {
            throw new IllegalStateException("broker went away");
        });
        ContactEvent.Builder b = ContactEvent.builder().type("page_visit").contactId("c1").occurredAt(Instant.now());
        List<ContactEvent> batch = List.of(b.id("a").sequence(1).build(), b.id("b").sequence(2).build(),
                b.id("c").sequence(3).build());
        assertThatThrownBy(() -> publisher.onEvents(batch)).hasMessageContaining("broker went away");
        // the third was never tried: the dispatcher delivers the batch again (at least once, same ids)
        assertThat(topic.getExchanges()).extracting(e -> e.getMessage().getHeader(EventsPublisher.EVENT_ID))
                .containsExactly("a", "b");
    }
}
