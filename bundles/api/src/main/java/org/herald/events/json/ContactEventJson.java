package org.herald.events.json;

import java.time.Instant;
import java.util.Map;

import org.herald.events.ContactEvent;
import org.herald.json.HeraldJson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * A contact event as JSON: what {@code herald.events} carries and what the timeline returns.
 * Members: {@code id}, {@code sequence}, {@code type}, {@code contact} (the contact's id, never its
 * address), {@code occurredAt}, {@code recordedAt}, {@code source}, {@code actor}, {@code properties}
 * (always present, possibly empty) and {@code points} (when scored).
 */
@JsonPropertyOrder({"id", "sequence", "type", "contact", "occurredAt", "recordedAt", "source", "actor", "properties",
    "points"})
public final class ContactEventJson {

    private static final ObjectWriter WRITER = HeraldJson.mapper().writerFor(ContactEventJson.class);

    private final ContactEvent event;

    private ContactEventJson(ContactEvent event) {
        this.event = event;
    }

    public static ContactEventJson of(ContactEvent event) {
        return new ContactEventJson(event);
    }

    /** The event as one JSON object (UTF-8). */
    public static byte[] write(ContactEvent event) {
        try {
            return WRITER.writeValueAsBytes(new ContactEventJson(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event.id() + " as JSON", e);
        }
    }

    public String getId() {
        return event.id();
    }

    public long getSequence() {
        return event.sequence();
    }

    public String getType() {
        return event.type();
    }

    public String getContact() {
        return event.contactId();
    }

    public Instant getOccurredAt() {
        return event.occurredAt();
    }

    public Instant getRecordedAt() {
        return event.recordedAt();
    }

    public String getSource() {
        return event.source();
    }

    public String getActor() {
        return event.actor();
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public Map<String, Object> getProperties() {
        return event.properties();
    }

    public Integer getPoints() {
        return event.points();
    }
}
