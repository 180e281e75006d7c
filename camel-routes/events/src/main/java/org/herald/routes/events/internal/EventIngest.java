package org.herald.routes.events.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.herald.contacts.ChangeContext;
import org.herald.events.EventService;
import org.herald.events.IngestReport;
import org.herald.events.IngestResult;
import org.herald.events.json.EventInputJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One queued event document (an object or an array) → {@link EventInputJson#ingest}; the counts
 * per outcome in headers, and the events that cannot be stored ({@link RefusedEvent}, each with its
 * JSON as sent) in {@value #REFUSED_PROPERTY} for the dead letters. A body that is no event document
 * throws the {@code ValidationException} of {@link EventInputJson#read}: the message is parked whole.
 */
final class EventIngest implements Processor {

    static final String REFUSED_PROPERTY = "herald.refusedEvents";
    static final String STORED_HEADER = "heraldStored";
    static final String DUPLICATE_HEADER = "heraldDuplicate";
    static final String IGNORED_HEADER = "heraldIgnored";
    static final String REFUSED_HEADER = "heraldRefused";

    private static final Logger LOG = LoggerFactory.getLogger(EventIngest.class);

    private final EventService events;
    private final ChangeContext context;

    EventIngest(EventService events, ChangeContext context) {
        this.events = events;
        this.context = context;
    }

    @Override
    public void process(Exchange exchange) {
        // bytes, as REST reads them: the same document class, JSON settings and messages as POST /events
        byte[] body = exchange.getMessage().getBody(byte[].class);
        IngestReport report = EventInputJson.ingest(events, EventInputJson.read(body), context);
        List<RefusedEvent> refused = new ArrayList<>();
        if (!report.allFinal()) {
            List<String> items = JsonItems.of(body);
            for (IngestResult r : report.results()) {
                if (!r.outcome().isFinal()) {
                    refused.add(new RefusedEvent(r.index(), r.id(), r.outcome(), r.reason(), items.get(r.index())));
                }
            }
        }
        exchange.setProperty(REFUSED_PROPERTY, refused);
        exchange.getMessage().setHeader(STORED_HEADER, report.count(IngestResult.Outcome.STORED));
        exchange.getMessage().setHeader(DUPLICATE_HEADER, report.count(IngestResult.Outcome.DUPLICATE));
        exchange.getMessage().setHeader(IGNORED_HEADER, report.count(IngestResult.Outcome.IGNORED));
        exchange.getMessage().setHeader(REFUSED_HEADER, refused.size());
        LOG.debug("Event message: {} stored, {} duplicate, {} ignored, {} to the dead letters",
                report.count(IngestResult.Outcome.STORED), report.count(IngestResult.Outcome.DUPLICATE),
                report.count(IngestResult.Outcome.IGNORED), refused.size());
    }
}
