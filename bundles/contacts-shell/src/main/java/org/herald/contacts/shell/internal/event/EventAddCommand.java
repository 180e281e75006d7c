package org.herald.contacts.shell.internal.event;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.contacts.shell.internal.completers.ExternalEventTypeCompleter;
import org.herald.events.EventService;
import org.herald.events.IngestReport;
import org.herald.events.IngestResult;
import org.herald.events.json.EventInputJson;
import org.herald.shell.HeraldAction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;

@Service
@Command(scope = "herald", name = "event-add", description = "Records one event for a contact (a purchase, a visit, a custom event)",
        detailedDescription = "Goes through the same ingestion as POST /events: prints 'Stored event <id> at <sequence> for "
                + "contact <id>', says so for a duplicate id or a contact whose activity is not recorded, and fails "
                + "(naming the option) when the event is refused or no contact has the address. Source MANAGE unless "
                + "--source says otherwise; the logged-in user is the actor.")
public class EventAddCommand extends HeraldAction {

    @Option(name = "-t", aliases = "--type", description = "Event type: page_visit, purchase, cart, cart_abandoned or a custom name")
    @Completion(ExternalEventTypeCompleter.class)
    String type;

    @Option(name = "--id", description = "Your id of the event: the same id twice is stored once")
    String id;

    @Option(name = "--at", description = "When it happened: 2026-11-30T10:15:30Z, with an offset, or a date (default now)")
    String at;

    @Option(name = "--source", description = "Label of the sender (default MANAGE)")
    String source;

    @Option(name = "-p", aliases = "--property", multiValued = true,
            description = "A property name=value; numbers become numbers (exactly), anything else text; repeat for more")
    List<String> properties;

    @Option(name = "--json", description = "The properties as one JSON object, e.g. '{\"value\":49.90,\"items\":[]}' (-p adds to it)")
    String json;

    @Option(name = "--create", description = "Create the contact when no contact has this address")
    boolean create;

    @Argument(index = 0, name = "email-or-id", required = true, description = "The contact's e-mail address or id")
    @Completion(ContactCompleter.class)
    String contact;

    @Reference
    EventService events;

    @Override
    protected void run(PrintStream out) throws Exception {
        byte[] document = document(type, id, EventArgs.time(at, "--at"), source,
                EventArgs.properties(json, properties), create, contact);
        IngestReport report = EventInputJson.ingest(events, EventInputJson.read(document), changeContext());
        IngestResult r = report.results().get(0);
        if (!r.outcome().isFinal()) {
            throw error(refusal(r, contact));
        }
        out.println(outcome(r));
    }

    /** The event as the event input document, so the console ingests exactly as REST and the queue do. */
    static byte[] document(String type, String id, Instant at, String source, ObjectNode properties, boolean create,
            String contact) throws JsonProcessingException {
        ObjectNode doc = EventArgs.MAPPER.createObjectNode();
        doc.put("type", type);
        if (id != null) {
            doc.put("id", id);
        }
        String who = contact == null ? null : contact.strip();
        doc.put(who != null && who.contains("@") ? "email" : "contact", who);
        if (at != null) {
            doc.put("occurredAt", at.toString());
        }
        if (source != null) {
            doc.put("source", source);
        }
        doc.set("properties", properties);
        if (create) {
            doc.put("createContact", true);
        }
        return EventArgs.MAPPER.writeValueAsBytes(doc);
    }

    /** {@code Stored event <id> at <sequence> for contact <id>}, or what happened instead to a final event. */
    static String outcome(IngestResult r) {
        return switch (r.outcome()) {
            case STORED -> "Stored event " + r.id() + " at " + r.sequence() + " for contact " + r.contactId();
            case DUPLICATE -> "Duplicate event " + r.id() + " for contact " + r.contactId()
                    + ": an event with this id was stored before; nothing changed";
            case IGNORED -> "Ignored event " + r.id() + " for contact " + r.contactId() + ": " + r.reason();
            default -> r.outcome() + " " + r.id() + ": " + r.reason();
        };
    }

    /** Why a refused event was not stored, naming the option to change. */
    static String refusal(IngestResult r, String contact) {
        if (r.outcome() == IngestResult.Outcome.UNKNOWN_CONTACT) {
            return "email".equals(r.field())
                    ? "no contact has the address " + contact + ": add it (herald:contact-add) or run again with --create"
                    : "no contact has the id " + contact;
        }
        String field = r.field() == null ? "" : r.field();
        String option = switch (field.contains(".") ? field.substring(0, field.indexOf('.')) : field) {
            case "type" -> "-t";
            case "id" -> "--id";
            case "occurredAt" -> "--at";
            case "source" -> "--source";
            case "properties" -> "-p/--json";
            case "createContact" -> "--create";
            case "email", "contact" -> "the contact argument";
            default -> null;
        };
        return "event not stored: " + r.reason() + (option == null ? "" : " (" + option + ")");
    }
}
