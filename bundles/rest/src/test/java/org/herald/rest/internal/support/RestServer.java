package org.herald.rest.internal.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.ws.rs.core.Response;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.client.WebClient;
import org.apache.cxf.transport.local.LocalTransportFactory;
import org.herald.json.HeraldJson;
import org.herald.rest.internal.KnownQueryParameters;
import org.herald.rest.internal.auth.Authenticator;
import org.herald.rest.internal.auth.BasicAuthFilter;
import org.herald.rest.internal.auth.Gatekeeper;
import org.herald.rest.internal.auth.Identity;
import org.herald.rest.internal.contacts.ContactResource;
import org.herald.rest.internal.contacts.FieldResource;
import org.herald.rest.internal.contacts.ListResource;
import org.herald.rest.internal.contacts.TagResource;
import org.herald.rest.internal.error.FallbackExceptionMapper;
import org.herald.rest.internal.events.EventResource;
import org.herald.rest.internal.error.HeraldExceptionMapper;
import org.herald.rest.internal.error.JsonExceptionMapper;
import org.herald.rest.internal.error.WebApplicationExceptionMapper;
import org.herald.rest.internal.health.HealthCheck;
import org.herald.rest.internal.health.HealthResource;
import org.herald.json.HeraldJson;
import org.herald.rest.internal.health.Readiness;
import org.herald.rest.internal.json.HeraldJsonProvider;
import org.herald.rest.internal.openapi.OpenApiResource;
import org.herald.rest.internal.segments.EngagementResource;
import org.herald.rest.internal.segments.SegmentResource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Herald's resources, filter, provider and mappers served by CXF over its in-memory transport, the
 * same JAX-RS runtime Aries uses in Karaf, minus OSGi and sockets, in front of the real contacts
 * services on the real store over a fresh in-memory Derby database. Users: {@code admin}/{@code secret}
 * with the role, {@code viewer}/{@code secret} without.
 */
public final class RestServer implements AutoCloseable {

    private static final AtomicInteger SERVERS = new AtomicInteger();

    public final Services services = new Services();
    private final String address = "local://herald-" + SERVERS.incrementAndGet();
    private final Server server;
    private volatile boolean ready = true;

    public RestServer(long importMaxBytes) {
        this(importMaxBytes, TestConfig.JSON_MAX_BYTES);
    }

    /** A server with the given CSV import and JSON body limits. */
    public RestServer(long importMaxBytes, long jsonMaxBytes) {
        Authenticator users = (user, password) -> {
            if (!"secret".equals(new String(password))) {
                return Optional.empty();
            }
            return switch (user) {
                case "admin" -> Optional.of(new Identity("admin", Set.of("herald-admin", "admin")));
                case "viewer" -> Optional.of(new Identity("viewer", Set.of("viewer")));
                default -> Optional.empty();
            };
        };
        Readiness readiness = new Readiness(null, null) {
            @Override
            public HealthCheck.Report check() {
                HealthCheck check = new HealthCheck();
                check.bundle("org.herald.rest", ready ? org.osgi.framework.Bundle.ACTIVE : org.osgi.framework.Bundle.RESOLVED);
                return check.report();
            }
        };
        HealthResource health = new HealthResource(readiness);
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress(address);
        factory.setTransportId(LocalTransportFactory.TRANSPORT_ID);
        factory.setServiceBeans(List.of(
                new ContactResource(services.contacts, services.events, services.segments, services.links, services.confirmations,
                        new TestConfig("karaf", "herald-admin", importMaxBytes)),
                new EventResource(services.events),
                new FieldResource(services.fields), new ListResource(services.lists),
                new TagResource(services.tags), new SegmentResource(services.segments),
                new EngagementResource(services.engagement), new OpenApiResource(), health));
        factory.setProviders(List.of(new HeraldJsonProvider(jsonMaxBytes),
                new BasicAuthFilter(new Gatekeeper(users, "herald-admin")), new KnownQueryParameters(), new HeraldExceptionMapper(),
                new JsonExceptionMapper(), new WebApplicationExceptionMapper(), new FallbackExceptionMapper()));
        server = factory.create();
    }

    /** Makes the health check report DOWN ({@code false}) or UP ({@code true}). */
    public void ready(boolean ready) {
        this.ready = ready;
    }

    /** A request as {@code admin}. */
    public WebClient admin(String path) {
        return as("admin", "secret", path);
    }

    public WebClient as(String user, String password, String path) {
        return anonymous(path).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public WebClient anonymous(String path) {
        return WebClient.create(address).path(path).accept("application/json", "text/csv", "*/*");
    }

    /** The body of a response as JSON. */
    public static JsonNode json(Response response) {
        try {
            return HeraldJson.mapper().readTree(response.readEntity(String.class));
        } catch (Exception e) {
            throw new AssertionError("response body is not JSON", e);
        }
    }

    public static Map<String, Object> map(Object... keyValues) {
        java.util.LinkedHashMap<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        server.destroy();
        services.close();
    }
}
