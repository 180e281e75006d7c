package org.herald.contacts.internal.events;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.herald.events}: ingestion limits and delivery of the log to listeners. */
@ObjectClassDefinition(id = "org.herald.events", name = "Herald contact events",
        description = "Limits of event ingestion and the delivery of the event log to listeners")
public @interface EventsConfig {

    @AttributeDefinition(name = "Largest batch", description = "Most events one ingestion call (REST body, queue message) may carry", min = "1")
    int ingest_maxBatch() default 1000;

    @AttributeDefinition(name = "Largest properties", description = "Largest JSON of one event's properties, in bytes", min = "2")
    int ingest_maxPropertiesBytes() default 16384;

    @AttributeDefinition(name = "Future tolerance", description = "How far in the future (seconds) an event's occurredAt may be (clock skew of senders)", min = "0")
    long ingest_futureToleranceSeconds() default 300;

    @AttributeDefinition(name = "Delivery batch", description = "Events handed to a listener at once", min = "1")
    int delivery_batchSize() default 500;

    @AttributeDefinition(name = "Poll interval", description = "Milliseconds between looks at the log when a listener has caught up", min = "10")
    long delivery_pollMillis() default 100;

    @AttributeDefinition(name = "Lease", description = "Seconds a node holds a listener's position; another node takes over after it lapses", min = "2")
    long delivery_leaseSeconds() default 30;

    @AttributeDefinition(name = "Attempts", description = "Deliveries of one event to a listener that throws before it is set aside "
            + "(a listener's own herald.event.attempts property overrides it; 0 = never set aside)", min = "0")
    int delivery_attempts() default 10;

    @AttributeDefinition(name = "Longest back-off", description = "Longest wait between two deliveries to a failing listener, in milliseconds", min = "1")
    long delivery_maxBackoffMillis() default 60000;
}
