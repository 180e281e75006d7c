package org.herald.routes.events.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.sjms.SjmsEndpoint;
import org.herald.camel.support.RouteProducer;
import org.herald.events.ContactEvent;
import org.herald.events.json.ContactEventJson;
import org.herald.events.spi.ContactEventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the event log to {@code herald.events}: one service that is both the publishing route
 * (a {@link RoutesBuilder} the Camel runtime adds to Herald's context) and a
 * {@link ContactEventListener} the event dispatcher feeds from its durable position
 * {@value #LISTENER_NAME}. So the log, not a message in flight, is the source of truth: while the
 * broker or the route is away, {@link #onEvents} throws and the dispatcher keeps the position and
 * retries (never setting an event aside: {@code herald.event.attempts=0}); a broker outage delays
 * publication but loses nothing.
 * <p>
 * Each event is one persistent JSON text message ({@link ContactEventJson}), sent in log order, a
 * delivery batch in one broker transaction (the broker holds all of it when {@link #onEvents}
 * returns, or none of it), with the properties
 * {@code heraldEventId}, {@code heraldEventType}, {@code heraldContactId}, {@code heraldSequence} and
 * {@code JMSXGroupID} = the contact id, so consumers using message groups keep per-contact order.
 * Delivery is at least once: a batch that failed half-way is published again, with the same ids.
 */
@Component(service = {RoutesBuilder.class, ContactEventListener.class}, configurationPid = EventsInRoute.PID,
        property = {ContactEventListener.NAME + "=" + EventsPublisher.LISTENER_NAME,
            EventsPublisher.ATTEMPTS + ":Integer=0"})
public class EventsPublisher extends RouteBuilder implements ContactEventListener {

    static final String ROUTE_ID = "herald-events-publish";
    static final String PUBLISH = "direct:herald-events-publish";
    static final String LISTENER_NAME = "herald.events.publisher";
    /** The dispatcher's per-listener override of the attempts before an event is set aside (0: never). */
    static final String ATTEMPTS = "herald.event.attempts";

    static final String EVENT_ID = "heraldEventId";
    static final String EVENT_TYPE = "heraldEventType";
    static final String CONTACT_ID = "heraldContactId";
    static final String SEQUENCE = "heraldSequence";
    static final String GROUP_ID = "JMSXGroupID";

    private static final Logger LOG = LoggerFactory.getLogger(EventsPublisher.class);

    private final EventsRouteConfig config;
    private final RouteProducer producer = new RouteProducer(this, ROUTE_ID);

    @Activate
    public EventsPublisher(EventsRouteConfig config) {
        this.config = config;
    }

    @Override
    public void configure() {
        // failures go straight back to onEvents (and so to the dispatcher, which retries from the log)
        errorHandler(noErrorHandler());
        from(PUBLISH).routeId(ROUTE_ID).process(this::publish);
    }

    @Override
    public void onEvents(List<ContactEvent> events) throws Exception {
        // while the route is not running this throws, and the dispatcher retries from the same position
        ProducerTemplate producer = this.producer.get();
        CamelContext context = producer.getCamelContext();
        // the route's endpoints (the broker client) may load classes through the context class
        // loader; on the dispatcher's thread it is not Camel's
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(context.getApplicationContextClassLoader());
        try {
            Exchange done = producer.send(PUBLISH, exchange -> exchange.getMessage().setBody(List.copyOf(events)));
            if (done.getException() != null) {
                throw done.getException();
            }
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        LOG.debug("Published {} event(s) up to position {}", events.size(), events.get(events.size() - 1).sequence());
    }

    /**
     * The route's one step: the batch in its body goes to the topic endpoint. A broker endpoint gets
     * it in one local JMS transaction (the client sends the messages without waiting for each and
     * the commit returns once the broker holds all of them, so a batch costs one round trip, not
     * one per event); any other endpoint gets one exchange per event.
     */
    private void publish(Exchange exchange) throws Exception {
        @SuppressWarnings("unchecked")
        List<ContactEvent> events = exchange.getMessage().getMandatoryBody(List.class);
        Endpoint endpoint = exchange.getContext().getEndpoint(config.topic());
        if (endpoint instanceof SjmsEndpoint broker) {
            publishTransacted(broker, events);
            return;
        }
        ProducerTemplate producer = this.producer.get();
        for (ContactEvent event : events) {
            Exchange done = producer.send(endpoint, e -> {
                e.getMessage().setBody(new String(ContactEventJson.write(event), StandardCharsets.UTF_8));
                e.getMessage().setHeader(EVENT_ID, event.id());
                e.getMessage().setHeader(EVENT_TYPE, event.type());
                e.getMessage().setHeader(CONTACT_ID, event.contactId());
                e.getMessage().setHeader(SEQUENCE, event.sequence());
                e.getMessage().setHeader(GROUP_ID, event.contactId());
            });
            if (done.getException() != null) {
                throw done.getException();
            }
        }
    }

    private static void publishTransacted(SjmsEndpoint broker, List<ContactEvent> events) throws Exception {
        ConnectionFactory factory = broker.getConnectionFactory();
        try (Connection connection = factory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            Destination destination = broker.isTopic() ? session.createTopic(broker.getDestinationName())
                    : session.createQueue(broker.getDestinationName());
            try (MessageProducer producer = session.createProducer(destination)) {
                producer.setDeliveryMode(broker.isDeliveryPersistent() ? DeliveryMode.PERSISTENT : DeliveryMode.NON_PERSISTENT);
                for (ContactEvent event : events) {
                    TextMessage message = session.createTextMessage(new String(ContactEventJson.write(event), StandardCharsets.UTF_8));
                    message.setStringProperty(EVENT_ID, event.id());
                    message.setStringProperty(EVENT_TYPE, event.type());
                    message.setStringProperty(CONTACT_ID, event.contactId());
                    message.setLongProperty(SEQUENCE, event.sequence());
                    message.setStringProperty(GROUP_ID, event.contactId());
                    producer.send(message);
                }
                session.commit();
            }
        }
    }

    @Deactivate
    void deactivate() {
        producer.close();
    }
}
