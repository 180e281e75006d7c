package org.herald.routes.contacts.internal;

import java.nio.charset.StandardCharsets;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactService;
import org.herald.contacts.UpsertResult;
import org.herald.contacts.json.ContactInputJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One queued contact input JSON → {@link ContactService#upsert}, the outcome in headers. */
final class ContactUpsert implements Processor {

    static final String OUTCOME_HEADER = "heraldOutcome";
    static final String CONTACT_ID_HEADER = "heraldContactId";

    private static final Logger LOG = LoggerFactory.getLogger(ContactUpsert.class);

    private final ContactService contacts;
    private final ChangeContext context;

    ContactUpsert(ContactService contacts, ChangeContext context) {
        this.contacts = contacts;
        this.context = context;
    }

    @Override
    public void process(Exchange exchange) {
        // the same document class, JSON settings and messages as REST POST /contacts (bytes, as REST reads them)
        String body = exchange.getMessage().getBody(String.class);
        ContactInput input = ContactInputJson.read(body == null ? null : body.getBytes(StandardCharsets.UTF_8)).toInput();
        UpsertResult result = contacts.upsert(input, context);
        exchange.getMessage().setHeader(OUTCOME_HEADER, result.outcome().name());
        exchange.getMessage().setHeader(CONTACT_ID_HEADER, result.contact().id());
        LOG.debug("Contact {} {}", result.contact().id(), result.outcome());
    }
}
