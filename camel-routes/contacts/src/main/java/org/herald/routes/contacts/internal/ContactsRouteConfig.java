package org.herald.routes.contacts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald contact upsert route",
        description = "JSON contact upserts from a queue; failures go to a dead-letter queue with the reason")
public @interface ContactsRouteConfig {

    @AttributeDefinition(description = "Endpoint the JSON contact upserts are read from")
    String source() default "sjms:queue:herald.contacts.in?transacted=true";

    @AttributeDefinition(description = "Endpoint a message goes to, unchanged, when it cannot be processed")
    String deadLetter() default "sjms:queue:herald.contacts.dlq";

    @AttributeDefinition(description = "Retries of a message that failed for a transient reason (e.g. database unavailable); invalid input is never retried")
    int maximumRedeliveries() default 5;

    @AttributeDefinition(description = "Delay before the first retry, in milliseconds (doubles on each retry)")
    long redeliveryDelay() default 1000;
}
