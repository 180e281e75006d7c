package org.herald.routes.events.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald event routes",
        description = "Contact events from a queue (one event object or an array of them; invalid events go, one by one, "
                + "to a dead-letter queue with the reason; transient failures are redelivered with capped exponential "
                + "back-off while the message stays on the broker) and the event log published to a topic")
public @interface EventsRouteConfig {

    @AttributeDefinition(description = "Endpoint the JSON events are read from; keep it transacted, so a message being "
            + "redelivered stays on the broker until it is processed or parked")
    String source() default "sjms:queue:herald.events.in?transacted=true";

    @AttributeDefinition(description = "Endpoint an event that cannot be stored goes to (each on its own, as the sender "
            + "wrote it), and a message that is not an event document at all")
    String deadLetter() default "sjms:queue:herald.events.dlq";

    @AttributeDefinition(description = "Endpoint every event of the log is published to, in log order, as JSON; keep "
            + "it persistent so a broker restart does not lose what was published")
    String topic() default "sjms:topic:herald.events?deliveryPersistent=true";

    @AttributeDefinition(description = "Redeliveries of a message that failed for a transient reason (database "
            + "unavailable, a concurrent write) before it is parked; -1 redelivers until it succeeds. The default "
            + "with the default delays is about 24 hours. Invalid events are never redelivered")
    int maximumRedeliveries() default 1440;

    @AttributeDefinition(description = "Delay before the first redelivery, in milliseconds; it doubles on each "
            + "redelivery up to maximumRedeliveryDelay")
    long redeliveryDelay() default 1000;

    @AttributeDefinition(description = "Longest delay between two redeliveries, in milliseconds")
    long maximumRedeliveryDelay() default 60000;

    @AttributeDefinition(description = "Redeliveries of a message that failed for an unexpected reason (neither "
            + "invalid input nor a transient failure) before it is parked")
    int unexpectedRedeliveries() default 3;
}
