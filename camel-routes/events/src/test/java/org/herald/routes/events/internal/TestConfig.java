package org.herald.routes.events.internal;

import java.lang.annotation.Annotation;

/** The route configuration with test endpoints and fast back-off. */
record TestConfig(String source, String deadLetter, String topic, int maximumRedeliveries, long redeliveryDelay,
        long maximumRedeliveryDelay, int unexpectedRedeliveries) implements EventsRouteConfig {

    static TestConfig publishingTo(String topic) {
        return new TestConfig("direct:in", "mock:dead", topic, 2, 2, 20, 2);
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return EventsRouteConfig.class;
    }
}
