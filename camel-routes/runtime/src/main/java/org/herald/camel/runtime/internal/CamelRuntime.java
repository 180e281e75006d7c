package org.herald.camel.runtime.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.sjms.SjmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.qpid.jms.JmsConnectionFactory;
import org.herald.mail.MailContext;
import org.messaginghub.pooled.jms.JmsPoolConnectionFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns Herald's one CamelContext. Route bundles register {@link RoutesBuilder} services; their routes
 * are added when the service appears and stopped and removed when it goes, so a route bundle can be
 * installed, updated and uninstalled on a running container.
 * <p>
 * The {@code sjms} component talks AMQP to the broker. Routes are started by the supervising route
 * controller, which keeps retrying a route whose broker is not reachable yet instead of failing.
 */
@Component(immediate = true, configurationPid = "org.herald.messaging", service = CamelRuntime.class)
@Designate(ocd = MessagingConfig.class)
public class CamelRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(CamelRuntime.class);

    private final Object lock = new Object();
    /** Builders seen before the context started, or while it runs: builder → route ids it added. */
    private final Map<RoutesBuilder, List<String>> builders = new IdentityHashMap<>();
    private DefaultCamelContext context;
    private JmsPoolConnectionFactory pool;
    private final RouteBundleClassResolver classResolver = new RouteBundleClassResolver();

    @Activate
    void activate(MessagingConfig config) throws Exception {
        ClassLoader camelLoader = DefaultCamelContext.class.getClassLoader();
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(camelLoader);
        try {
            DefaultCamelContext ctx = new DefaultCamelContext();
            ctx.getCamelContextExtension().setName("herald");
            // Camel's loader first, then the Angus bundles: camel-mail's consumers and producers make Jakarta
            // Mail sessions, which find their providers through the context loader (see MailContext)
            ctx.setApplicationContextClassLoader(MailContext.classLoader(camelLoader));
            classResolver.setCamelContext(ctx);
            ctx.setClassResolver(classResolver);
            ctx.getRouteController().supervising().setBackOffDelay(config.restart_backoff());
            pool = pool(config);
            ctx.addComponent("sjms", sjms(pool));
            ctx.start();
            synchronized (lock) {
                context = ctx;
                for (RoutesBuilder builder : new ArrayList<>(builders.keySet())) {
                    addRoutes(builder);
                }
            }
            LOG.info("Herald Camel context started with {} route builder(s)", builders.size());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Deactivate
    void deactivate() {
        CamelContext ctx;
        synchronized (lock) {
            ctx = context;
            context = null;
            builders.replaceAll((b, ids) -> List.of());
        }
        if (ctx != null) {
            ctx.stop();
            LOG.info("Herald Camel context stopped");
        }
        if (pool != null) {
            pool.stop();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = RoutesBuilder.class)
    void bindRoutesBuilder(RoutesBuilder builder) {
        synchronized (lock) {
            builders.put(builder, List.of());
            if (context != null) {
                addRoutes(builder);
            }
        }
    }

    void unbindRoutesBuilder(RoutesBuilder builder) {
        synchronized (lock) {
            List<String> ids = builders.remove(builder);
            classResolver.removeRouteLoader(builder.getClass().getClassLoader());
            if (context != null && ids != null) {
                for (String id : ids) {
                    try {
                        context.getRouteController().stopRoute(id);
                        context.removeRoute(id);
                        LOG.info("Removed route {}", id);
                    } catch (Exception e) {
                        LOG.warn("Could not remove route {}", id, e);
                    }
                }
            }
        }
    }

    /** The ids and states of the routes currently in the context, for diagnostics. */
    public Map<String, String> routeStatus() {
        synchronized (lock) {
            Map<String, String> result = new java.util.TreeMap<>();
            if (context != null) {
                for (Route route : context.getRoutes()) {
                    result.put(route.getRouteId(), String.valueOf(context.getRouteController().getRouteStatus(route.getRouteId())));
                }
            }
            return result;
        }
    }

    /** The running context, or null when stopped. For tests and diagnostics. */
    CamelContext context() {
        synchronized (lock) {
            return context;
        }
    }

    private void addRoutes(RoutesBuilder builder) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(context.getApplicationContextClassLoader());
        try {
            classResolver.addRouteLoader(builder.getClass().getClassLoader());
            List<String> before = context.getRoutes().stream().map(Route::getRouteId).toList();
            context.addRoutes(builder);
            List<String> ids = new ArrayList<>();
            if (builder instanceof RouteBuilder routeBuilder) {
                for (RouteDefinition def : routeBuilder.getRouteCollection().getRoutes()) {
                    ids.add(def.getRouteId());
                }
            } else {
                context.getRoutes().stream().map(Route::getRouteId).filter(id -> !before.contains(id)).forEach(ids::add);
            }
            builders.put(builder, List.copyOf(ids));
            LOG.info("Added routes {} from {}", ids, builder.getClass().getName());
            // The supervising controller only starts the routes present when the context starts;
            // routes of bundles that arrive later are started here (and retried by it on failure).
            for (String id : ids) {
                try {
                    context.getRouteController().startRoute(id);
                } catch (Exception e) {
                    LOG.warn("Route {} did not start yet: {}", id, e.getMessage());
                }
            }
        } catch (Exception e) {
            LOG.error("Could not add the routes of {}", builder.getClass().getName(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /**
     * The broker connections, pooled: camel-sjms asks its factory for a connection (and a session and
     * producer) for every message it sends, and an AMQP connection costs a network handshake and a
     * login, which caps sending at about a hundred messages a second. The pool keeps a few connections
     * open and reuses their sessions and producers; consumers keep their own.
     */
    private static JmsPoolConnectionFactory pool(MessagingConfig config) {
        JmsConnectionFactory factory = new JmsConnectionFactory(config.broker_user(), config.broker_password(), config.broker_url());
        JmsPoolConnectionFactory pool = new JmsPoolConnectionFactory();
        pool.setConnectionFactory(factory);
        pool.setMaxConnections(Math.max(1, config.pool_connections()));
        pool.setMaxSessionsPerConnection(Math.max(1, config.pool_sessionsPerConnection()));
        // a broker that went away: the pool drops the failed connection and opens a new one
        pool.setConnectionCheckInterval(5000);
        return pool;
    }

    private static SjmsComponent sjms(JmsPoolConnectionFactory pool) {
        SjmsComponent sjms = new SjmsComponent();
        sjms.setConnectionFactory(pool);
        return sjms;
    }
}
