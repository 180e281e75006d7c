package org.herald.camel.support;

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
public final class FailureHeaders implements Processor {

    public static final String ERROR_HEADER = "heraldError";
    public static final String FAILURE_HEADER = "heraldFailure";
    public static final String FAILED_AT_HEADER = "heraldFailedAt";
    public static final String REDELIVERIES_HEADER = "heraldRedeliveries";
    /** Kept on the exchange, as the original message that is parked has no redelivery headers. */
    private static final String REDELIVERIES = "herald.redeliveries";

    private static final Logger LOG = LoggerFactory.getLogger(FailureHeaders.class);

    private final Failure kind;
    private final String subject;

    /**
     * @param kind    why the message is parked
     * @param subject what the message is, for the log ("Contact message", "Event message")
     */
    public FailureHeaders(Failure kind, String subject) {
        this.kind = kind;
        this.subject = subject;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        int redeliveries = exchange.getProperty(REDELIVERIES, 0, Integer.class);
        String reason;
        if (kind == Failure.REJECTED) {
            reason = cause == null ? "rejected" : cause.getMessage();
            LOG.warn("{} sent to the dead-letter queue: {}", subject, reason);
        } else {
            String reference = UUID.randomUUID().toString();
            String what = kind == Failure.TRANSIENT
                    ? "could not be stored: the database was unavailable or busy"
                    : "could not be processed: internal error";
            reason = what + " (tried " + (redeliveries + 1) + " times); send it again when that is resolved. "
                    + "The server log has the details under reference " + reference;
            LOG.error("{} sent to the dead-letter queue after {} redeliveries ({}), reference {}",
                    subject, redeliveries, kind, reference, cause);
        }
        exchange.getMessage().setHeader(ERROR_HEADER, reason);
        exchange.getMessage().setHeader(FAILURE_HEADER, kind.name());
        exchange.getMessage().setHeader(FAILED_AT_HEADER, Instant.now().toString());
        exchange.getMessage().setHeader(REDELIVERIES_HEADER, redeliveries);
    }

    /** Before each redelivery: remembers how many there were. */
    public static void countRedelivery(Exchange exchange) {
        exchange.setProperty(REDELIVERIES, exchange.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class));
    }
}
