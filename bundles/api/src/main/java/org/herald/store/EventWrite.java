package org.herald.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One event to append to the log. {@code uid} is the event's id; {@code clientId} says it came
 * from the sender (so a second event with it is a duplicate, checked in the appending
 * transaction) rather than generated. {@code contactKey} 0 with a {@code null contactId} means
 * "the contact of the {@link ContactWrite} this event belongs to". {@code amount} and
 * {@code currency} are a purchase's value, kept in their own columns for the e-commerce figures.
 */
public record EventWrite(String uid, boolean clientId, long contactKey, String contactId, String type,
        Instant occurredAt, Instant recordedAt, String source, String actor, Map<String, Object> properties,
        BigDecimal amount, String currency) {

    public EventWrite {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The same event attached to a contact. */
    public EventWrite forContact(long key, String publicId) {
        return new EventWrite(uid, clientId, key, publicId, type, occurredAt, recordedAt, source, actor, properties,
                amount, currency);
    }
}
