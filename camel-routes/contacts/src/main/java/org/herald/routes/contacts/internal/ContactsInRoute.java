package org.herald.routes.contacts.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.herald.common.HeraldException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactService;
import org.herald.contacts.UpsertResult;
import org.herald.contacts.json.ContactInputJson;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code herald.contacts.in} → {@link ContactService#upsert}. A message that cannot be processed
 * goes, unchanged, to the dead-letter endpoint with a {@code heraldError} header giving the reason:
 * invalid input at once, transient failures after {@code maximumRedeliveries} retries. Nothing is
 * lost and nothing is retried forever.
 */
@Component(service = RoutesBuilder.class, configurationPid = "org.herald.routes.contacts")
@Designate(ocd = ContactsRouteConfig.class)
public class ContactsInRoute extends RouteBuilder {

    static final String ROUTE_ID = "herald-contacts-in";
    static final String ERROR_HEADER = "heraldError";
    static final String FAILED_AT_HEADER = "heraldFailedAt";
    static final String ACTOR = "queue:herald.contacts.in";

    private static final Logger LOG = LoggerFactory.getLogger(ContactsInRoute.class);

    private final ContactService contacts;
    private final ContactsRouteConfig config;

    @Activate
    public ContactsInRoute(@Reference ContactService contacts, ContactsRouteConfig config) {
        this.contacts = contacts;
        this.config = config;
    }

    @Override
    public void configure() {
        // Invalid input never gets better by retrying: straight to the dead letters.
        onException(HeraldException.class)
                .handled(true)
                .maximumRedeliveries(0)
                .process(ContactsInRoute::markFailed)
                .to(config.deadLetter());

        // Anything else (database down, …) is retried with back-off, then parked.
        onException(Exception.class)
                .handled(true)
                .useOriginalMessage()
                .maximumRedeliveries(config.maximumRedeliveries())
                .redeliveryDelay(config.redeliveryDelay())
                .useExponentialBackOff()
                .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.WARN)
                .process(ContactsInRoute::markFailed)
                .to(config.deadLetter());

        from(config.source())
                .routeId(ROUTE_ID)
                .convertBodyTo(String.class)
                .process(this::upsert);
    }

    private void upsert(Exchange exchange) {
        // the same document class, JSON settings and messages as REST POST /contacts (bytes, as REST reads them)
        String body = exchange.getMessage().getBody(String.class);
        ContactInput input = ContactInputJson.read(body == null ? null : body.getBytes(StandardCharsets.UTF_8)).toInput();
        UpsertResult result = contacts.upsert(input, ChangeContext.api(ACTOR));
        exchange.getMessage().setHeader("heraldOutcome", result.outcome().name());
        exchange.getMessage().setHeader("heraldContactId", result.contact().id());
        LOG.debug("Contact {} {}", result.contact().id(), result.outcome());
    }

    private static void markFailed(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown failure"
                : cause instanceof HeraldException ? cause.getMessage() : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        exchange.getMessage().setHeader(ERROR_HEADER, reason);
        exchange.getMessage().setHeader(FAILED_AT_HEADER, Instant.now().toString());
        LOG.warn("Contact message sent to the dead-letter queue: {}", reason);
    }
}
