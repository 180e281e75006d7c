package org.herald.routes.contacts.internal;

import java.time.Instant;
import java.util.UUID;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes why a message is parked into its headers before it goes to the dead letters. Rejected
 * input gets its reason as the service wrote it (it names the bad input). Anything else gets a
 * fixed text and a reference to the log entry that holds the exception: such messages can carry
 * table names and SQL, which do not belong in a queue other people read.
 */
final class FailureHeaders implements Processor {

    static final String ERROR_HEADER = "heraldError";
    static final String FAILURE_HEADER = "heraldFailure";
    static final String FAILED_AT_HEADER = "heraldFailedAt";
    static final String REDELIVERIES_HEADER = "heraldRedeliveries";
    /** Kept on the exchange, as the original message that is parked has no redelivery headers. */
    private static final String REDELIVERIES = "herald.redeliveries";

    private static final Logger LOG = LoggerFactory.getLogger(FailureHeaders.class);

    private final Failure kind;

    FailureHeaders(Failure kind) {
        this.kind = kind;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int redeliveries = exchange.getProperty(REDELIVERIES, 0, Integer.class);
        String reason;
        if (kind == Failure.REJECTED) {
            reason = cause == null ? "rejected" : cause.getMessage();
            LOG.warn("Contact message sent to the dead-letter queue: {}", reason);
        } else {
            String reference = UUID.randomUUID().toString();
            String what = kind == Failure.TRANSIENT
                    ? "could not be stored: the database was unavailable or busy"
                    : "could not be processed: internal error";
            reason = what + " (tried " + (redeliveries + 1) + " times); send it again when that is resolved. "
                    + "The server log has the details under reference " + reference;
            LOG.error("Contact message sent to the dead-letter queue after {} redeliveries ({}), reference {}",
                    redeliveries, kind, reference, cause);
        }
        exchange.getMessage().setHeader(ERROR_HEADER, reason);
        exchange.getMessage().setHeader(FAILURE_HEADER, kind.name());
        exchange.getMessage().setHeader(FAILED_AT_HEADER, Instant.now().toString());
        exchange.getMessage().setHeader(REDELIVERIES_HEADER, redeliveries);
    }

    /** Before each redelivery: remembers how many there were. */
    static void countRedelivery(Exchange exchange) {
        exchange.setProperty(REDELIVERIES, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
    }
}
