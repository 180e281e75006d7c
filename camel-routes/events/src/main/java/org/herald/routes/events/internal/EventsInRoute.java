package org.herald.routes.events.internal;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.herald.camel.support.FailurePolicy;
import org.herald.contacts.ChangeContext;
import org.herald.events.EventService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code herald.events.in} → {@link EventService#ingest} through
 * {@link org.herald.events.json.EventInputJson#ingest}, the one way every entry point ingests. A
 * message is one event object or an array of them. Per event:
 * <ul>
 * <li>STORED, DUPLICATE (the same id was stored before) and IGNORED (the contact is not monitored)
 * are done;</li>
 * <li>REJECTED and UNKNOWN_CONTACT go, each as its own message with the item's JSON as the sender
 * wrote it, to the dead letters with {@code heraldError} (the reason), {@code heraldFailure=REJECTED}
 * and {@code heraldEventIndex} (its position in the message); the other events of the message are
 * stored.</li>
 * </ul>
 * A message that is no event document at all (not JSON, not an object or array, too many events)
 * goes to the dead letters whole, at once. A transient failure (database unavailable) redelivers the
 * whole message with capped exponential back-off while it stays on the broker (the policy shared by
 * every queue route: {@link FailurePolicy}); nothing of a failed ingestion is stored, and events with
 * an {@code id} are stored once however often they arrive, so integrators should send ids.
 */
@Component(service = RoutesBuilder.class, configurationPid = EventsInRoute.PID)
@Designate(ocd = EventsRouteConfig.class)
public class EventsInRoute extends RouteBuilder {

    static final String PID = "org.herald.routes.events";
    static final String ROUTE_ID = "herald-events-in";
    static final String ACTOR = "queue:herald.events.in";

    private final EventService events;
    private final EventsRouteConfig config;

    @Activate
    public EventsInRoute(@Reference EventService events, EventsRouteConfig config) {
        this.events = events;
        this.config = config;
    }

    @Override
    public void configure() {
        FailurePolicy.to(config.deadLetter(), "Event message")
                .transientRedeliveries(config.maximumRedeliveries())
                .redeliveryDelay(config.redeliveryDelay())
                .maximumRedeliveryDelay(config.maximumRedeliveryDelay())
                .unexpectedRedeliveries(config.unexpectedRedeliveries())
                .applyTo(this);

        from(config.source())
                .routeId(ROUTE_ID)
                .process(new EventIngest(events, ChangeContext.api(ACTOR)))
                .split(exchangeProperty(EventIngest.REFUSED_PROPERTY))
                    .process(new RefusedEventMessage())
                    .to(config.deadLetter())
                .end();
    }
}
