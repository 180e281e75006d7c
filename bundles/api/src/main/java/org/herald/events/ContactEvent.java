package org.herald.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that happened to or was done by a contact, as stored in the event log.
 * <ul>
 * <li>{@link #id()}: the event's own id: the one the client supplied (which makes ingestion
 * idempotent), or one Herald generated. Stable: an event delivered twice carries the same id.</li>
 * <li>{@link #sequence()}: its position in the installation's log. Positions grow in the order
 * the events were committed, so every reader sees the events of one contact in order.</li>
 * <li>{@link #contactId()}: the contact's public id (never the address).</li>
 * <li>{@link #source()} and {@link #actor()}: the channel (API, MANAGE, IMPORT, FORM, MESSAGE, …
 * or an external source's own label) and who acted (user, queue).</li>
 * <li>{@link #properties()}: JSON-ready values (String, Number, Boolean, List, Map).</li>
 * <li>{@link #points()}: the lead-score points the event gave, null until scored.</li>
 * </ul>
 */
public final class ContactEvent {

    private final String id;
    private final long sequence;
    private final String type;
    private final String contactId;
    private final Instant occurredAt;
    private final Instant recordedAt;
    private final String source;
    private final String actor;
    private final Map<String, Object> properties;
    private final Integer points;

    private ContactEvent(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.sequence = b.sequence;
        this.type = Objects.requireNonNull(b.type, "type");
        this.contactId = Objects.requireNonNull(b.contactId, "contactId");
        this.occurredAt = Objects.requireNonNull(b.occurredAt, "occurredAt");
        this.recordedAt = b.recordedAt == null ? b.occurredAt : b.recordedAt;
        this.source = b.source;
        this.actor = b.actor;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.points = b.points;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).sequence(sequence).type(type).contactId(contactId).occurredAt(occurredAt)
                .recordedAt(recordedAt).source(source).actor(actor).properties(properties).points(points);
    }

    public String id() {
        return id;
    }

    public long sequence() {
        return sequence;
    }

    public String type() {
        return type;
    }

    public String contactId() {
        return contactId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String source() {
        return source;
    }

    public String actor() {
        return actor;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Integer points() {
        return points;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactEvent e && e.id.equals(id) && e.sequence == sequence && e.type.equals(type)
                && e.contactId.equals(contactId) && e.occurredAt.equals(occurredAt) && e.recordedAt.equals(recordedAt)
                && Objects.equals(e.source, source) && Objects.equals(e.actor, actor)
                && e.properties.equals(properties) && Objects.equals(e.points, points);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, sequence);
    }

    @Override
    public String toString() {
        return "ContactEvent[" + sequence + " " + type + " " + contactId + " at " + occurredAt + " id " + id + "]";
    }

    /** Builds events; {@code id}, {@code type}, {@code contactId} and {@code occurredAt} are required. */
    public static final class Builder {
        private String id;
        private long sequence;
        private String type;
        private String contactId;
        private Instant occurredAt;
        private Instant recordedAt;
        private String source;
        private String actor;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private Integer points;

        private Builder() {
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder sequence(long value) {
            this.sequence = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder contactId(String value) {
            this.contactId = value;
            return this;
        }

        public Builder occurredAt(Instant value) {
            this.occurredAt = value;
            return this;
        }

        public Builder recordedAt(Instant value) {
            this.recordedAt = value;
            return this;
        }

        public Builder source(String value) {
            this.source = value;
            return this;
        }

        public Builder actor(String value) {
            this.actor = value;
            return this;
        }

        public Builder property(String name, Object value) {
            this.properties.put(name, value);
            return this;
        }

        public Builder properties(Map<String, ?> values) {
            this.properties.clear();
            if (values != null) {
                this.properties.putAll(values);
            }
            return this;
        }

        public Builder points(Integer value) {
            this.points = value;
            return this;
        }

        public ContactEvent build() {
            return new ContactEvent(this);
        }
    }
}
