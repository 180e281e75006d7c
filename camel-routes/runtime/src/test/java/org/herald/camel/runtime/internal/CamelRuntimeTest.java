package org.herald.camel.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CamelRuntimeTest {

    private final CamelRuntime runtime = new CamelRuntime();

    @AfterEach
    void stop() {
        runtime.deactivate();
    }

    @Test
    void builderBoundBeforeActivationIsAddedWhenTheContextStarts() throws Exception {
        runtime.bindRoutesBuilder(new Echo("early"));
        assertThat(runtime.routeStatus()).isEmpty();
        runtime.activate(config());
        awaitStarted("early");
    }

    @Test
    void routesComeAndGoWithTheirBuilderService() throws Exception {
        runtime.activate(config());
        Echo echo = new Echo("echo");
        runtime.bindRoutesBuilder(echo);
        awaitStarted("echo");

        try (var producer = runtime.context().createProducerTemplate()) {
            producer.sendBody("direct:echo", "hello");
        }
        assertThat(echo.received).containsExactly("hello");

        runtime.unbindRoutesBuilder(echo);
        assertThat(runtime.routeStatus()).doesNotContainKey("echo");

        // The same bundle coming back (a new service object) gets its route again.
        Echo again = new Echo("echo");
        runtime.bindRoutesBuilder(again);
        awaitStarted("echo");
    }

    /** What a builder that is also another service (the event publisher) relies on to send through its route. */
    @Test
    void aBuilderKnowsTheRunningContextItsRoutesWereAddedTo() throws Exception {
        runtime.activate(config());
        Echo echo = new Echo("sender");
        assertThat(echo.getContext()).isNull();
        runtime.bindRoutesBuilder(echo);
        awaitStarted("sender");
        assertThat(echo.getContext()).isSameAs(runtime.context());
        try (var producer = echo.getContext().createProducerTemplate()) {
            producer.sendBody("direct:sender", "through its own context");
        }
        assertThat(echo.received).containsExactly("through its own context");
    }

    @Test
    void aBrokenBuilderDoesNotStopTheOthers() throws Exception {
        runtime.activate(config());
        runtime.bindRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                throw new IllegalStateException("broken route bundle");
            }
        });
        runtime.bindRoutesBuilder(new Echo("healthy"));
        awaitStarted("healthy");
    }

    /** The supervising route controller starts routes in the background: poll with a deadline. */
    private void awaitStarted(String routeId) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!"Started".equals(runtime.routeStatus().get(routeId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("route " + routeId + " not started: " + runtime.routeStatus());
            }
            Thread.sleep(20);
        }
    }

    private static final class Echo extends RouteBuilder {
        final List<String> received = new CopyOnWriteArrayList<>();
        private final String id;

        Echo(String id) {
            this.id = id;
        }

        @Override
        public void configure() {
            from("direct:" + id).routeId(id).process(e -> received.add(e.getMessage().getBody(String.class)));
        }
    }

    private static MessagingConfig config() {
        return new MessagingConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MessagingConfig.class;
            }

            @Override
            public String broker_url() {
                return "amqp://127.0.0.1:1";
            }

            @Override
            public String broker_user() {
                return "test";
            }

            @Override
            public String broker_password() {
                return "test";
            }

            @Override
            public int consumers() {
                return 1;
            }

            @Override
            public int pool_connections() {
                return 1;
            }

            @Override
            public int pool_sessionsPerConnection() {
                return 10;
            }

            @Override
            public long restart_backoff() {
                return 100;
            }
        };
    }
}
