package org.herald.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event an integrator sends. The contact is named by {@link #email()} or {@link #contactId()}
 * (one of them); an unknown address creates a contact only when {@link #createContact()} says
 * so. {@link #id()} is optional: given, it makes ingestion idempotent (the same id twice is
 * stored once); absent, Herald generates one. {@link #occurredAt()} defaults to the time of
 * ingestion. {@link #source()} is the sender's own label (e.g. {@code shop}), optional.
 */
public final class EventInput {

    private final String id;
    private final String type;
    private final String email;
    private final String contactId;
    private final Instant occurredAt;
    private final String source;
    private final Map<String, Object> properties;
    private final boolean createContact;

    private EventInput(Builder b) {
        this.id = b.id;
        this.type = b.type;
        this.email = b.email;
        this.contactId = b.contactId;
        this.occurredAt = b.occurredAt;
        this.source = b.source;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        this.createContact = b.createContact;
    }

    public static Builder builder(String type) {
        return new Builder().type(type);
    }

    public String id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String email() {
        return email;
    }

    public String contactId() {
        return contactId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String source() {
        return source;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public boolean createContact() {
        return createContact;
    }

    public static final class Builder {
        private String id;
        private String type;
        private String email;
        private String contactId;
        private Instant occurredAt;
        private String source;
        private final Map<String, Object> properties = new LinkedHashMap<>();
        private boolean createContact;

        private Builder() {
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder email(String value) {
            this.email = value;
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

        public Builder source(String value) {
            this.source = value;
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

        public Builder createContact(boolean value) {
            this.createContact = value;
            return this;
        }

        public EventInput build() {
            return new EventInput(this);
        }
    }
}
