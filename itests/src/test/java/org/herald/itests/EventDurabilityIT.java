package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;

/**
 * Runs after every other class (it kills the container): a {@code kill -9} of Karaf while events
 * are being ingested loses no acknowledged event. An event message is acknowledged when the broker
 * accepted it persistently (the JMS send returned); after the kill and a restart every one of
 * them is stored and published, which a durable subscription created before the kill sees. An
 * event delivered more than once carries the same id and the same log position each time.
 */
@Order(200)
@ExtendWith(HeraldExtension.class)
class EventDurabilityIT {

    private static final int MESSAGES = 150;
    private static final int EVENTS_PER_MESSAGE = 5;

    @Test
    void killingKarafDuringIngestionLosesNoAcknowledgedEventAndRedeliveriesKeepTheirIds(HeraldContainer herald)
            throws Exception {
        String email = uniqueEmail("durability");
        String contact = parse(herald.admin("POST", "/herald/api/v1/contacts", "{\"email\":\"" + email + "\"}").body())
                .path("id").asText();
        String run = "kill-" + System.nanoTime();
        String clientId = "herald-itest-" + run;
        // the subscription exists before the first event: the broker keeps everything published to it
        EventTopic.durable(herald, clientId, "durability").close();

        Set<String> acknowledged = new HashSet<>();
        long sendStarted = System.nanoTime();
        try (EventTopic watcher = EventTopic.subscribe(herald); JMSContext jms = QueueIT.connect(herald)) {
            Queue in = jms.createQueue("herald.events.in");
            JMSProducer producer = jms.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int m = 0; m < MESSAGES; m++) {
                StringBuilder body = new StringBuilder("[");
                List<String> ids = new java.util.ArrayList<>();
                for (int e = 0; e < EVENTS_PER_MESSAGE; e++) {
                    String id = run + "-" + m + "-" + e;
                    ids.add(id);
                    body.append(e == 0 ? "" : ",").append("{\"id\":\"").append(id)
                            .append("\",\"type\":\"page_visit\",\"contact\":\"").append(contact)
                            .append("\",\"properties\":{\"url\":\"https://example.org/").append(m).append("\"}}");
                }
                producer.send(in, body.append("]").toString()); // returns once the broker has it on disk
                acknowledged.addAll(ids);
            }
            long sendMillis = Duration.ofNanos(System.nanoTime() - sendStarted).toMillis();
            // kill while the route is still working through the queue: the first events are out, not all
            watcher.await("the first published event of the run", Duration.ofSeconds(90),
                    r -> r.eventId() != null && r.eventId().startsWith(run));
            int seenBeforeKill = watcher.matching(r -> r.eventId() != null && r.eventId().startsWith(run)).size();
            System.out.printf("EventDurabilityIT: %d messages (%d events) acknowledged in %d ms; %d published when killed%n",
                    MESSAGES, acknowledged.size(), sendMillis, seenBeforeKill);
        }
        long pid = herald.pid();
        herald.kill();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("Karaf JVM %d alive", pid).isFalse();

        long restarted = System.nanoTime();
        herald.start();
        try (EventTopic subscription = EventTopic.durable(herald, clientId, "durability")) {
            HeraldContainer.await("every acknowledged event on the durable subscription", Duration.ofSeconds(240),
                    () -> subscription.matching(r -> acknowledged.contains(r.eventId())).stream()
                            .map(EventTopic.Received::eventId).distinct().count() == acknowledged.size());
            System.out.printf("EventDurabilityIT: all %d events published %d ms after the restart began%n",
                    acknowledged.size(), Duration.ofNanos(System.nanoTime() - restarted).toMillis());

            List<EventTopic.Received> ours = subscription.matching(r -> acknowledged.contains(r.eventId()));
            Map<String, Long> positions = new HashMap<>();
            for (EventTopic.Received r : ours) {
                Long before = positions.putIfAbsent(r.eventId(), r.sequence());
                assertThat(before == null || before == r.sequence())
                        .as("event %s published again at another position (%s, %s): stored twice", r.eventId(), before,
                                r.sequence())
                        .isTrue();
                assertThat(r.json().path("id").asText()).isEqualTo(r.eventId());
                assertThat(r.contactId()).isEqualTo(contact);
            }
            System.out.printf("EventDurabilityIT: %d deliveries for %d events (%d published again, same id and position)%n",
                    ours.size(), acknowledged.size(), ours.size() - acknowledged.size());
        }
    }
}
