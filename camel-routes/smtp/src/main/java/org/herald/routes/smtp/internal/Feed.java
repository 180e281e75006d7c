package org.herald.routes.smtp.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.herald.json.HeraldJson;
import org.herald.mail.OutboundMessage;
import org.herald.mail.OutboundSource;

/** Takes the due messages (leased by the source) and makes them the JSON bodies for the send queue. */
final class Feed implements Processor {

    private final OutboundSource source;
    private final int batch;

    Feed(OutboundSource source, int batch) {
        this.source = source;
        this.batch = batch;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (OutboundMessage m : source.take(batch)) {
            bodies.add(HeraldJson.mapper().writeValueAsString(m));
        }
        exchange.getIn().setBody(bodies);
    }
}
