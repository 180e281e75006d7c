package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;

/**
 * Contact events as an integrator sees them: what Herald does to a contact and what is sent to
 * {@code herald.events.in} appears, as documented JSON, on the {@code herald.events} topic (a test
 * consumer over AMQP, subscribed before anything is produced); invalid events land on
 * {@code herald.events.dlq} with their reason.
 */
@Order(6)
@ExtendWith(HeraldExtension.class)
class EventsIT {

    private static final String API = "/herald/api/v1";
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    /** The members every published event has (docs/events.md); points only once scored. */
    private static final Set<String> MEMBERS = Set.of("id", "sequence", "type", "contact", "occurredAt", "recordedAt",
            "source", "actor", "properties");

    static void sendEvents(HeraldContainer herald, String json) {
        try (JMSContext jms = QueueIT.connect(herald)) {
            jms.createProducer().send(jms.createQueue("herald.events.in"), json);
        }
    }

    @Test
    void changesThroughRestArePublishedInOrderAsDocumentedJson(HeraldContainer herald) throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String field = "plan" + suffix;
        String list = "events-" + Long.toString(System.nanoTime(), 36);
        assertThat(herald.admin("POST", API + "/fields", "{\"name\":\"" + field + "\",\"type\":\"text\"}").statusCode())
                .isIn(200, 201);
        assertThat(herald.admin("POST", API + "/lists", "{\"name\":\"" + list + "\"}").statusCode()).isIn(200, 201);
        String email = uniqueEmail("events-rest");

        try (EventTopic topic = EventTopic.subscribe(herald)) {
            HttpResponse<String> created = herald.admin("POST", API + "/contacts", "{\"email\":\"" + email
                    + "\",\"status\":\"CONFIRMED\",\"tags\":[\"vip\"],\"lists\":[\"" + list + "\"],\"fields\":{\""
                    + field + "\":\"basic\"}}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String id = parse(created.body()).path("id").asText();
            HttpResponse<String> changed = herald.admin("POST", API + "/contacts",
                    "{\"email\":\"" + email + "\",\"fields\":{\"" + field + "\":\"pro\"}}");
            assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

            topic.await("the field change of " + id, DEADLINE, r -> id.equals(r.contactId()) && "field_changed".equals(r.type()));
            List<EventTopic.Received> events = topic.ofContact(id);
            assertThat(events).extracting(EventTopic.Received::type)
                    .containsSubsequence("created", "subscribed", "tag_added", "list_joined", "field_changed");
            assertThat(events).extracting(EventTopic.Received::sequence).isSorted();
            assertThat(events).allSatisfy(r -> {
                assertThat(r.json().properties().stream().map(e -> e.getKey()).toList()).containsAll(MEMBERS);
                assertThat(r.json().path("id").asText()).isEqualTo(r.eventId());
                assertThat(r.json().path("contact").asText()).isEqualTo(id);
                assertThat(r.json().path("sequence").asLong()).isEqualTo(r.sequence());
                assertThat(r.groupId()).as("JMSXGroupID: per-contact order for message groups").isEqualTo(id);
                assertThat(r.text()).as("no address in events").doesNotContain(email);
            });
            JsonNode fieldChanged = events.stream().filter(r -> r.type().equals("field_changed")).findFirst().orElseThrow().json();
            assertThat(fieldChanged.path("properties").path("field").asText()).isEqualTo(field);
            assertThat(fieldChanged.path("properties").path("from").asText()).isEqualTo("basic");
            assertThat(fieldChanged.path("properties").path("to").asText()).isEqualTo("pro");
            assertThat(fieldChanged.path("source").asText()).isEqualTo("API");
            JsonNode joined = events.stream().filter(r -> r.type().equals("list_joined")).findFirst().orElseThrow().json();
            assertThat(joined.path("properties").path("list").asText()).isEqualTo(list);
        }
    }

    @Test
    void purchasesSentToTheQueueArePublishedAndScoredIntoANewStage(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("events-buyer");
        String id = parse(herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\"}").body()).path("id").asText();
        String order = "order-" + System.nanoTime();

        try (EventTopic topic = EventTopic.subscribe(herald)) {
            // default scoring: a purchase gives 10 points, "warm" starts at 20
            sendEvents(herald, "[{\"id\":\"" + order + "-1\",\"type\":\"purchase\",\"email\":\"" + email + "\","
                    + "\"occurredAt\":\"2026-11-30T10:15:30Z\",\"source\":\"shop\","
                    + "\"properties\":{\"value\":49.90,\"currency\":\"EUR\",\"order\":\"A-1\",\"items\":[{\"sku\":\"mug\",\"quantity\":2}]}},"
                    + "{\"id\":\"" + order + "-2\",\"type\":\"purchase\",\"contact\":\"" + id + "\","
                    + "\"properties\":{\"value\":10,\"currency\":\"EUR\"}}]");

            EventTopic.Received purchase = topic.await("the purchase", DEADLINE, r -> (order + "-1").equals(r.eventId()));
            assertThat(purchase.type()).isEqualTo("purchase");
            assertThat(purchase.contactId()).isEqualTo(id);
            JsonNode json = purchase.json();
            assertThat(json.path("occurredAt").asText()).isEqualTo("2026-11-30T10:15:30Z");
            assertThat(json.path("source").asText()).isEqualTo("shop");
            assertThat(json.path("actor").asText()).isEqualTo("queue:herald.events.in");
            assertThat(json.path("properties").path("value").decimalValue()).isEqualByComparingTo("49.90");
            assertThat(json.path("properties").path("currency").asText()).isEqualTo("EUR");
            assertThat(json.path("properties").path("items").get(0).path("sku").asText()).isEqualTo("mug");

            EventTopic.Received stage = topic.await("the stage change after scoring", DEADLINE,
                    r -> id.equals(r.contactId()) && "stage_changed".equals(r.type()));
            assertThat(stage.json().path("properties").path("from").asText()).isEqualTo("prospect");
            assertThat(stage.json().path("properties").path("to").asText()).isEqualTo("warm");
            assertThat(stage.json().path("properties").path("score").asInt()).isEqualTo(20);
            assertThat(stage.sequence()).isGreaterThan(purchase.sequence());
        }
    }

    @Test
    void anEventSentTwiceWithItsIdIsPublishedOnce(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("events-twice");
        String id = parse(herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\"}").body()).path("id").asText();
        String visit = "visit-" + System.nanoTime();
        String event = "{\"id\":\"" + visit + "\",\"type\":\"page_visit\",\"email\":\"" + email + "\","
                + "\"properties\":{\"url\":\"https://example.org/pricing\"}}";
        try (EventTopic topic = EventTopic.subscribe(herald)) {
            sendEvents(herald, event);
            sendEvents(herald, event);
            // a later event of the same contact: once it is out, anything about the first is too
            sendEvents(herald, "{\"id\":\"" + visit + "-after\",\"type\":\"page_visit\",\"contact\":\"" + id + "\"}");
            topic.await("the marker after the duplicate", DEADLINE, r -> (visit + "-after").equals(r.eventId()));
            assertThat(topic.matching(r -> visit.equals(r.eventId()))).hasSize(1);
        }
    }

    @Test
    void anInvalidEventLandsOnTheDeadLetterQueueWithItsReasonAndTheValidOnesAreStored(HeraldContainer herald)
            throws Exception {
        String email = uniqueEmail("events-dlq");
        String id = parse(herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\"}").body()).path("id").asText();
        String marker = "bad-" + System.nanoTime();
        String bad = "{\"id\":\"" + marker + "\",\"type\":\"purchase\",\"email\":\"" + email + "\",\"properties\":{\"currency\":\"EUR\"}}";
        try (EventTopic topic = EventTopic.subscribe(herald)) {
            sendEvents(herald, "[{\"id\":\"" + marker + "-ok\",\"type\":\"cart\",\"email\":\"" + email + "\"}," + bad + "]");
            Message dead = receiveDeadLetter(herald, marker);
            assertThat(dead.getBody(String.class)).isEqualTo(bad);
            assertThat(dead.getStringProperty("heraldError")).contains("properties.value");
            assertThat(dead.getStringProperty("heraldFailure")).isEqualTo("REJECTED");
            assertThat(dead.getIntProperty("heraldEventIndex")).isEqualTo(1);
            topic.await("the valid event of the message", DEADLINE, r -> (marker + "-ok").equals(r.eventId()));
            assertThat(topic.ofContact(id)).extracting(EventTopic.Received::type).doesNotContain("purchase");
        }
    }

    static Message receiveDeadLetter(HeraldContainer herald, String marker) throws Exception {
        try (JMSContext jms = QueueIT.connect(herald); JMSConsumer consumer = jms.createConsumer(jms.createQueue("herald.events.dlq"))) {
            long end = System.currentTimeMillis() + DEADLINE.toMillis();
            while (System.currentTimeMillis() < end) {
                Message m = consumer.receive(1000);
                if (m != null && m.getBody(String.class).contains(marker)) {
                    return m;
                }
            }
        }
        throw new AssertionError("no dead letter for " + marker + " on herald.events.dlq");
    }
}
