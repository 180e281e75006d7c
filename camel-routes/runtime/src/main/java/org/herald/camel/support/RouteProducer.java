package org.herald.camel.support;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer template for sending into one route of a route builder from outside Camel (a servlet,
 * an event listener): the template of the context the runtime added the builder to, made once per
 * context and only while the route runs, so nothing is sent into a stopped or removed route. Close
 * it when the component that owns the builder deactivates.
 */
public final class RouteProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouteProducer.class);

    private final RouteBuilder builder;
    private final String routeId;
    private final Object lock = new Object();
    private CamelContext templateContext;
    private ProducerTemplate template;

    public RouteProducer(RouteBuilder builder, String routeId) {
        this.builder = builder;
        this.routeId = routeId;
    }

    /** Why the route cannot take an exchange now, or {@code null} when it can. */
    public String notRunning() {
        CamelContext context = builder.getContext();
        if (context == null) {
            return "not added to a Camel context yet";
        }
        if (!context.isStarted()) {
            return "its Camel context is " + context.getStatus();
        }
        ServiceStatus status = context.getRouteController().getRouteStatus(routeId);
        return status == null ? "not in the Camel context" : status.isStarted() ? null : "the route is " + status;
    }

    /**
     * The template of the running route's context.
     *
     * @throws IllegalStateException saying why, when the route is not running
     */
    public ProducerTemplate get() {
        String why = notRunning();
        if (why != null) {
            throw new IllegalStateException("the route " + routeId + " is not running (" + why + ")");
        }
        CamelContext context = builder.getContext();
        synchronized (lock) {
            if (templateContext != context) {
                closeTemplate();
                template = context.createProducerTemplate();
                templateContext = context;
            }
            return template;
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closeTemplate();
        }
    }

    private void closeTemplate() {
        if (template != null) {
            try {
                template.close();
            } catch (Exception e) {
                LOG.debug("Closing the producer template of {} failed", routeId, e);
            }
            template = null;
            templateContext = null;
        }
    }
}
