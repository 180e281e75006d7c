package org.herald.camel.runtime.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Herald messaging", description = "How Herald's Camel routes reach the message broker")
public @interface MessagingConfig {

    @AttributeDefinition(name = "Broker URL", description = "AMQP URL of the broker (the embedded Artemis by default)")
    String broker_url() default "amqp://127.0.0.1:5672";

    @AttributeDefinition(name = "Broker user")
    String broker_user() default "admin";

    @AttributeDefinition(name = "Broker password", type = AttributeType.PASSWORD)
    String broker_password() default "admin";

    @AttributeDefinition(name = "Consumers", description = "Concurrent consumers per queue route")
    int consumers() default 1;

    @AttributeDefinition(name = "Pooled connections", description = "Broker connections kept open for the routes' sends")
    int pool_connections() default 2;

    @AttributeDefinition(name = "Sessions per connection", description = "Sessions (with their producers) pooled per connection")
    int pool_sessionsPerConnection() default 100;

    @AttributeDefinition(name = "Route restart back-off (ms)",
            description = "Delay between attempts to start a route whose endpoint is not reachable yet")
    long restart_backoff() default 2000;
}
