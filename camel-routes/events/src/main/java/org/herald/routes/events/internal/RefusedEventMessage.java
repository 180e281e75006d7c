package org.herald.routes.events.internal;

import java.time.Instant;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.herald.camel.support.Failure;
import org.herald.camel.support.FailureHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one {@link RefusedEvent} (the body of a split exchange) into its dead letter: the event's
 * own JSON with the reason, REJECTED (an unknown contact too: sending it again unchanged cannot
 * help) and its position in the message it came in. Nothing of the original message's headers.
 */
final class RefusedEventMessage implements Processor {

    static final String INDEX_HEADER = "heraldEventIndex";
    static final String OUTCOME_HEADER = "heraldOutcome";
    static final String EVENT_ID_HEADER = "heraldEventId";

    private static final Logger LOG = LoggerFactory.getLogger(RefusedEventMessage.class);

    @Override
    public void process(Exchange exchange) {
        RefusedEvent refused = exchange.getMessage().getBody(RefusedEvent.class);
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(refused.json());
        exchange.getMessage().setHeader(FailureHeaders.ERROR_HEADER, refused.reason());
        exchange.getMessage().setHeader(FailureHeaders.FAILURE_HEADER, Failure.REJECTED.name());
        exchange.getMessage().setHeader(FailureHeaders.FAILED_AT_HEADER, Instant.now().toString());
        exchange.getMessage().setHeader(FailureHeaders.REDELIVERIES_HEADER, 0);
        exchange.getMessage().setHeader(INDEX_HEADER, refused.index());
        exchange.getMessage().setHeader(OUTCOME_HEADER, refused.outcome().name());
        if (refused.id() != null) {
            exchange.getMessage().setHeader(EVENT_ID_HEADER, refused.id());
        }
        LOG.warn("Event #{} of a message sent to the dead-letter queue ({}): {}", refused.index(), refused.outcome(),
                refused.reason());
    }
}
