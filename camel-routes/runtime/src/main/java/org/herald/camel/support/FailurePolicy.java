package org.herald.camel.support;

import org.apache.camel.LoggingLevel;
import org.apache.camel.Predicate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.OnExceptionDefinition;

/**
 * The {@code onException} clauses of a Herald queue route, by {@link Failure}:
 * <ul>
 * <li>{@link Failure#REJECTED}: the message goes, unchanged, to the dead letters at once with the
 * reason in {@code heraldError};</li>
 * <li>{@link Failure#TRANSIENT}: redelivered with capped exponential back-off, up to
 * {@link #transientRedeliveries} times (-1: until it succeeds), then parked with a log reference;</li>
 * <li>{@link Failure#UNEXPECTED}: redelivered {@link #unexpectedRedeliveries} times, then parked
 * with a log reference.</li>
 * </ul>
 * A redelivery is given up (not parked) when the route stops, so with a transacted JMS consumer
 * the message stays on the broker. Built per route: {@code FailurePolicy.to(deadLetter, "Event
 * message").transientRedeliveries(…)….applyTo(this)} at the start of {@code configure()}.
 */
public final class FailurePolicy {

    private final String deadLetter;
    private final String subject;
    private int transientRedeliveries = -1;
    private long redeliveryDelay = 1000;
    private long maximumRedeliveryDelay = 60000;
    private int unexpectedRedeliveries = 3;

    private FailurePolicy(String deadLetter, String subject) {
        this.deadLetter = deadLetter;
        this.subject = subject;
    }

    /** A policy parking messages on {@code deadLetter}; {@code subject} names them in the log. */
    public static FailurePolicy to(String deadLetter, String subject) {
        return new FailurePolicy(deadLetter, subject);
    }

    public FailurePolicy transientRedeliveries(int value) {
        this.transientRedeliveries = value;
        return this;
    }

    /** Delay before the first redelivery (ms); it doubles on each one up to {@link #maximumRedeliveryDelay}. */
    public FailurePolicy redeliveryDelay(long millis) {
        this.redeliveryDelay = millis;
        return this;
    }

    public FailurePolicy maximumRedeliveryDelay(long millis) {
        this.maximumRedeliveryDelay = millis;
        return this;
    }

    public FailurePolicy unexpectedRedeliveries(int value) {
        this.unexpectedRedeliveries = value;
        return this;
    }

    /** Adds the three clauses to {@code routes} (route-builder scoped: every route it defines). */
    public void applyTo(RouteBuilder routes) {
        // Camel matches onException against every exception of the cause chain, deepest first, so
        // the three clauses share one type and the classification of the thrown exception decides.
        routes.onException(Exception.class)
                .onWhen(is(Failure.REJECTED))
                .handled(true)
                .maximumRedeliveries(0)
                .process(new FailureHeaders(Failure.REJECTED, subject))
                .to(deadLetter);
        redelivered(routes, Failure.TRANSIENT, transientRedeliveries);
        redelivered(routes, Failure.UNEXPECTED, unexpectedRedeliveries);
    }

    private void redelivered(RouteBuilder routes, Failure kind, int maximumRedeliveries) {
        OnExceptionDefinition clause = routes.onException(Exception.class)
                .onWhen(is(kind))
                .handled(true)
                .useOriginalMessage()
                .maximumRedeliveries(maximumRedeliveries)
                .redeliveryDelay(redeliveryDelay)
                .useExponentialBackOff()
                .backOffMultiplier(2)
                .maximumRedeliveryDelay(maximumRedeliveryDelay)
                .retryAttemptedLogLevel(LoggingLevel.WARN)
                .onRedelivery(FailureHeaders::countRedelivery);
        // stopping the route (feature uninstall, container stop) must not park the message: the
        // exchange fails, the transacted JMS session rolls back and the message stays on the broker
        clause.getRedeliveryPolicyType().allowRedeliveryWhileStopping(false);
        // a failure "exhausted" only because the route stops in the middle of an attempt is rolled
        // back (the transacted consumer leaves the message on the broker), never parked
        clause.process(new FailureHeaders(kind, subject))
                .choice()
                    .when(FailurePolicy::stopping).markRollbackOnly()
                    .otherwise().to(deadLetter)
                .end();
    }

    /** Whether the exchange's route or its context is stopping (feature uninstall, container stop). */
    static boolean stopping(org.apache.camel.Exchange exchange) {
        org.apache.camel.CamelContext context = exchange.getContext();
        if (context.isStopping() || context.isStopped()) {
            return true;
        }
        String route = exchange.getFromRouteId();
        org.apache.camel.ServiceStatus status = route == null ? null : context.getRouteController().getRouteStatus(route);
        return status != null && (status.isStopping() || status.isStopped());
    }

    private static Predicate is(Failure kind) {
        return exchange -> Failure.of(exchange.getException()) == kind;
    }
}
