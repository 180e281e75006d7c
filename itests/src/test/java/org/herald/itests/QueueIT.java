package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.io.IOException;
import java.time.Duration;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/** Integrators send JSON contact upserts to herald.contacts.in; bad ones land on the dead-letter queue. */
@Order(4)
@ExtendWith(HeraldExtension.class)
class QueueIT {

    static void sendContact(HeraldContainer herald, String json) {
        try (JMSContext jms = connect(herald)) {
            jms.createProducer().send(jms.createQueue("herald.contacts.in"), json);
        }
    }

    static JMSContext connect(HeraldContainer herald) {
        return new JmsConnectionFactory(HeraldContainer.ADMIN, HeraldContainer.ADMIN_PASSWORD,
                "amqp://127.0.0.1:" + herald.amqpPort).createContext();
    }

    static boolean contactExists(HeraldContainer herald, String email) {
        try {
            return herald.admin("GET", "/herald/api/v1/contacts/" + email, null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void queuedUpsertCreatesTheContact(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("queue");
        sendContact(herald, "{\"email\":\"" + email + "\",\"status\":\"CONFIRMED\",\"tags\":[\"from-queue\"]}");
        HeraldContainer.await("contact from the queue", Duration.ofSeconds(60), () -> contactExists(herald, email));
        String body = herald.admin("GET", "/herald/api/v1/contacts/" + email, null).body();
        assertThat(parse(body).path("tags").toString()).contains("from-queue");
        assertThat(herald.admin("GET", "/herald/api/v1/contacts/" + email + "/consent", null).body())
                .contains("queue:herald.contacts.in");
    }

    @Test
    void invalidMessageGoesToTheDeadLetterQueueWithTheReason(HeraldContainer herald) throws Exception {
        String marker = "bad-" + System.nanoTime();
        sendContact(herald, "{\"email\":\"" + marker + "\"}");
        try (JMSContext jms = connect(herald)) {
            Queue dlq = jms.createQueue("herald.contacts.dlq");
            Message dead = null;
            long end = System.currentTimeMillis() + 60_000;
            try (var consumer = jms.createConsumer(dlq)) {
                while (System.currentTimeMillis() < end) {
                    Message m = consumer.receive(1000);
                    if (m != null && m.getBody(String.class).contains(marker)) {
                        dead = m;
                        break;
                    }
                }
            }
            assertThat(dead).as("dead letter for %s", marker).isNotNull();
            assertThat(dead.getStringProperty("heraldError")).contains(marker);
            assertThat(dead.getBody(String.class)).isEqualTo("{\"email\":\"" + marker + "\"}");
        }
    }
}
