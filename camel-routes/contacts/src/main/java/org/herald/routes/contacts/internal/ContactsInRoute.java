package org.herald.routes.contacts.internal;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.herald.camel.support.FailurePolicy;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ContactService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code herald.contacts.in} → {@link ContactService#upsert}. What happens to a message that fails
 * depends on what the failure says ({@link org.herald.camel.support.Failure}, the policy shared by
 * every queue route: {@link FailurePolicy}):
 * <ul>
 * <li>invalid input ({@code RejectedException}) goes, unchanged, to the dead letters at once with the
 * reason in {@code heraldError};</li>
 * <li>a transient failure ({@code TransientException}: database unavailable, a lost race) is
 * redelivered with capped exponential back-off, for as long as {@code maximumRedeliveries} allows
 * (by default about a day; -1: until it succeeds). The JMS session is transacted and the consumer
 * waits while it redelivers, so the message and the ones behind it stay on the broker, and a
 * stopped route or container leaves them there: nothing is lost or parked during an outage;</li>
 * <li>anything else (a bug) is redelivered {@code unexpectedRedeliveries} times, then parked.</li>
 * </ul>
 * Messages parked for any reason but invalid input carry a fixed text with a log reference, never the
 * exception's message.
 */
@Component(service = RoutesBuilder.class, configurationPid = "org.herald.routes.contacts")
@Designate(ocd = ContactsRouteConfig.class)
public class ContactsInRoute extends RouteBuilder {

    static final String ROUTE_ID = "herald-contacts-in";
    static final String ACTOR = "queue:herald.contacts.in";

    private final ContactService contacts;
    private final ContactsRouteConfig config;

    @Activate
    public ContactsInRoute(@Reference ContactService contacts, ContactsRouteConfig config) {
        this.contacts = contacts;
        this.config = config;
    }

    @Override
    public void configure() {
        FailurePolicy.to(config.deadLetter(), "Contact message")
                .transientRedeliveries(config.maximumRedeliveries())
                .redeliveryDelay(config.redeliveryDelay())
                .maximumRedeliveryDelay(config.maximumRedeliveryDelay())
                .unexpectedRedeliveries(config.unexpectedRedeliveries())
                .applyTo(this);

        from(config.source())
                .routeId(ROUTE_ID)
                .convertBodyTo(String.class)
                .process(new ContactUpsert(contacts, ChangeContext.api(ACTOR)));
    }
}
