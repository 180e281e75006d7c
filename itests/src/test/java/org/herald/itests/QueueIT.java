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
    void brokerLoginsAreAuditedWithTheClientsAddress(HeraldContainer herald) throws Exception {
        try (JMSContext jms = connect(herald)) {
            jms.createProducer();
        }
        try (JMSContext wrong = new JmsConnectionFactory(HeraldContainer.ADMIN, "not-the-password",
                "amqp://127.0.0.1:" + herald.amqpPort).createContext()) {
            org.assertj.core.api.Assertions.fail("a wrong broker password was accepted");
        } catch (jakarta.jms.JMSRuntimeException expected) {
            // refused, as it should be
        }
        java.nio.file.Path security = herald.home.resolve("data/log/security.log");
        HeraldContainer.await("both broker logins in " + security, Duration.ofSeconds(20), () -> {
            try {
                String log = java.nio.file.Files.readString(security);
                // "User admin(<roles>)@127.0.0.1:<port> successfully authenticated"; a refused login has no
                // user yet ("anonymous@…") and names the user name it tried in the reason
                return log.matches("(?s).*AMQ601715: User " + HeraldContainer.ADMIN + "[^ @]*@/?127\\.0\\.0\\.1:\\d+ "
                        + "successfully authenticated.*")
                        && log.matches("(?s).*AMQ601716: User [^ @]*@/?127\\.0\\.0\\.1:\\d+ failed authentication[^\\n]*"
                                + "Username: " + HeraldContainer.ADMIN + ".*");
            } catch (IOException e) {
                return false;
            }
        });
        // management calls and message traffic of the broker's audit stay out of it
        assertThat(java.nio.file.Files.readString(security)).doesNotContain("AMQ601019");
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
