package org.herald.itests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.qpid.jms.JmsConnectionFactory;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Topic;

/**
 * A consumer of the {@code herald.events} topic over AMQP, as an integrator writes one: every message
 * received is kept with its JSON body and message properties. Non-durable (it sees what is published
 * while it is subscribed) or durable (the broker keeps what is published while it is away).
 */
final class EventTopic implements AutoCloseable {

    static final String TOPIC = "herald.events";

    /** One received message. */
    record Received(JsonNode json, String eventId, String type, String contactId, long sequence, String groupId,
            String text) {
    }

    private final JMSContext jms;
    private final JMSConsumer consumer;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> problems = new CopyOnWriteArrayList<>();

    private EventTopic(HeraldContainer herald, String clientId, String durableName) {
        JmsConnectionFactory factory = new JmsConnectionFactory(HeraldContainer.ADMIN, HeraldContainer.ADMIN_PASSWORD,
                "amqp://127.0.0.1:" + herald.amqpPort);
        jms = factory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        if (clientId != null) {
            jms.setClientID(clientId);
        }
        Topic topic = jms.createTopic(TOPIC);
        consumer = durableName == null ? jms.createConsumer(topic) : jms.createDurableConsumer(topic, durableName);
        consumer.setMessageListener(this::onMessage);
    }

    /** Subscribed from now on, until closed. */
    static EventTopic subscribe(HeraldContainer herald) {
        return new EventTopic(herald, null, null);
    }

    /** The durable subscription {@code clientId}/{@code name}: created on first use, resumed after. */
    static EventTopic durable(HeraldContainer herald, String clientId, String name) {
        return new EventTopic(herald, clientId, name);
    }

    private void onMessage(Message m) {
        try {
            String text = m.getBody(String.class);
            received.add(new Received(Json.parse(text), m.getStringProperty("heraldEventId"),
                    m.getStringProperty("heraldEventType"), m.getStringProperty("heraldContactId"),
                    m.getLongProperty("heraldSequence"), m.getStringProperty("JMSXGroupID"), text));
        } catch (JMSException | RuntimeException e) {
            problems.add(e);
        }
    }

    List<Received> all() {
        if (!problems.isEmpty()) {
            throw new AssertionError("unreadable message on " + TOPIC, problems.get(0));
        }
        return new ArrayList<>(received);
    }

    List<Received> matching(Predicate<Received> which) {
        return all().stream().filter(which).toList();
    }

    List<Received> ofContact(String contactId) {
        return matching(r -> contactId.equals(r.contactId()));
    }

    /** Waits until a message matching {@code which} arrived, and returns it. */
    Received await(String what, Duration deadline, Predicate<Received> which) {
        HeraldContainer.await(what + " on " + TOPIC, deadline, () -> !matching(which).isEmpty());
        return matching(which).get(0);
    }

    @Override
    public void close() {
        consumer.close();
        jms.close();
    }
}
