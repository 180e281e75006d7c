package org.herald.routes.smtp.internal;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.herald.common.TransientException;
import org.herald.json.HeraldJson;
import org.herald.mail.DeliveryOutcome;
import org.herald.mail.DeliveryResult;
import org.herald.mail.OutboundMessage;
import org.herald.mail.OutboundSource;

/**
 * One message from the send queue: skipped when its sender no longer wants it (already sent, paused,
 * cancelled), else paced by the throttle, delivered, and its result reported. A relay asking to slow
 * down holds its domain back.
 */
final class Deliver implements Processor {

    private final OutboundSource source;
    private final Delivery delivery;
    private final Throttle throttle;

    Deliver(OutboundSource source, Delivery delivery, Throttle throttle) {
        this.source = source;
        this.delivery = delivery;
        this.throttle = throttle;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        OutboundMessage m = HeraldJson.mapper().readValue(exchange.getIn().getBody(String.class), OutboundMessage.class);
        if (!source.wanted(m.messageId())) {
            return;
        }
        String domain = m.recipientDomain();
        throttle.acquire(domain);
        DeliveryResult r = delivery.deliver(m);
        if (r.outcome() == DeliveryOutcome.ACCEPTED) {
            throttle.accepted(domain);
        } else if (Replies.slowDown(r) || r.outcome() == DeliveryOutcome.CONNECTION) {
            throttle.slowDown(domain);
        }
        report(r);
    }

    /**
     * Reports the result, trying again briefly when the database is busy: a result that cannot be
     * recorded leaves the message WFS, and it would be sent again (same Message-ID) when its lease lapses.
     */
    private void report(DeliveryResult r) throws InterruptedException {
        long delay = 100;
        for (int attempt = 1;; attempt++) {
            try {
                source.report(r);
                return;
            } catch (TransientException e) {
                if (attempt == 5) {
                    throw e;
                }
                Thread.sleep(delay);
                delay *= 2;
            }
        }
    }
}
