package org.herald.routes.contacts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald contact upsert route",
        description = "JSON contact upserts from a queue. Invalid input goes to a dead-letter queue at once with the "
                + "reason; transient failures (database unavailable, a lost race) are redelivered with capped "
                + "exponential back-off while the message stays on the broker")
public @interface ContactsRouteConfig {

    @AttributeDefinition(description = "Endpoint the JSON contact upserts are read from; keep it transacted, so a "
            + "message being redelivered stays on the broker until it is processed or parked")
    String source() default "sjms:queue:herald.contacts.in?transacted=true";

    @AttributeDefinition(description = "Endpoint a message goes to, unchanged, when it cannot be processed")
    String deadLetter() default "sjms:queue:herald.contacts.dlq";

    @AttributeDefinition(description = "Redeliveries of a message that failed for a transient reason (database "
            + "unavailable, a concurrent write) before it is parked; -1 redelivers until it succeeds. The default "
            + "with the default delays is about 24 hours. Invalid input is never redelivered")
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
