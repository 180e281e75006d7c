package org.herald.routes.contacts.internal;

import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.OnExceptionDefinition;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ContactService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code herald.contacts.in} → {@link ContactService#upsert}. What happens to a message that fails
 * depends on what the failure says ({@link Failure}):
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
        // Camel matches onException against every exception of the cause chain, deepest first, so
        // the three clauses share one type and the classification of the thrown exception decides.
        onException(Exception.class)
                .onWhen(is(Failure.REJECTED))
                .handled(true)
                .maximumRedeliveries(0)
                .process(new FailureHeaders(Failure.REJECTED))
                .to(config.deadLetter());

        redelivered(Failure.TRANSIENT, config.maximumRedeliveries());
        redelivered(Failure.UNEXPECTED, config.unexpectedRedeliveries());

        from(config.source())
                .routeId(ROUTE_ID)
                .convertBodyTo(String.class)
                .process(new ContactUpsert(contacts, ChangeContext.api(ACTOR)));
    }

    /** Redelivery with capped exponential back-off, then the dead letters with a log reference. */
    private void redelivered(Failure kind, int maximumRedeliveries) {
        OnExceptionDefinition clause = onException(Exception.class)
                .onWhen(is(kind))
                .handled(true)
                .useOriginalMessage()
                .maximumRedeliveries(maximumRedeliveries)
                .redeliveryDelay(config.redeliveryDelay())
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(config.maximumRedeliveryDelay())
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .onRedelivery(FailureHeaders::countRedelivery);
        // stopping the route (feature uninstall, container stop) must not park the message: the
        // exchange fails, the transacted JMS session rolls back and the message stays on the broker
        clause.getRedeliveryPolicyType().allowRedeliveryWhileStopping(false);
        // a failure that is "exhausted" only because the route stops mid-attempt is rolled back, not parked
        clause.process(new FailureHeaders(kind))
                .choice()
                    .when(ContactsInRoute::stopping).markRollbackOnly()
                    .otherwise().to(config.deadLetter())
                .end();
    }

    /** Whether the route or its context is stopping (feature uninstall, container stop). */
    static boolean stopping(org.apache.camel.Exchange exchange) {
        org.apache.camel.CamelContext context = exchange.getContext();
        if (context.isStopping() || context.isStopped()) {
            return true;
        }
        org.apache.camel.ServiceStatus status = context.getRouteController().getRouteStatus(ROUTE_ID);
        return status != null && (status.isStopping() || status.isStopped());
    }

    private static Predicate is(Failure kind) {
        return exchange -> Failure.of(exchange.getException()) == kind;
    }
}
