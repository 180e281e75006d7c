package org.herald.rest.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.herald.rest.internal.health.HealthCheck;
import org.herald.rest.internal.health.Readiness;
import org.herald.rest.web.PublicWeb;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

/**
 * The public context's guard, health servlet and default servlet in Jetty 9.4 (the container Pax
 * Web runs in Karaf), registered the way the whiteboard registers them: anonymous, status-only
 * health, no internals in any error, safe headers on every answer.
 */
class PublicWebTest {

    /** A page that fails the way a page with a bug or a dead database would. */
    static final class BrokenPage extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getRequestURI().endsWith("/state")) {
                throw new IllegalStateException("SELECT * FROM HERALD_CONTACT WHERE EMAIL='alice@example.com'");
            }
            response.sendError(400, "token 0badc0ffee is tampered: HMAC mismatch");
        }
    }

    private volatile boolean ready = true;
    private final Server jetty = new Server();
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    @BeforeEach
    void start() throws Exception {
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(PublicWeb.BASE);
        Readiness readiness = new Readiness(null, null) {
            @Override
            public HealthCheck.Report check() {
                HealthCheck check = new HealthCheck();
                check.bundle("org.herald.rest", ready ? Bundle.ACTIVE : Bundle.RESOLVED);
                return check.report();
            }
        };
        context.addFilter(new FilterHolder(new PublicGuard()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new PublicHealthServlet(readiness)), "/health");
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/");
        context.addServlet(new ServletHolder(new BrokenPage()), "/broken/*");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + PublicWeb.BASE;
    }

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    private HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthAnswersWithoutCredentialsWithTheStatusOnly() throws Exception {
        HttpResponse<String> up = send("GET", "/health");
        assertThat(up.statusCode()).isEqualTo(200);
        assertThat(up.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(up.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(up.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));

        ready = false;
        HttpResponse<String> down = send("GET", "/health");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"status\":\"DOWN\"}");

        ready = true;
        HttpResponse<String> head = send("HEAD", "/health");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsA500WithAReferenceAndNoInternals() throws Exception {
        HttpResponse<String> r = send("GET", "/broken/state");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("reference").doesNotContain("SELECT").doesNotContain("alice")
                .doesNotContain("IllegalStateException").doesNotContain("Jetty");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    }

    @Test
    void clientErrorsKeepTheirStatusButNeverTheMessage() throws Exception {
        HttpResponse<String> bad = send("GET", "/broken/token");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("Bad request.");

        HttpResponse<String> missing = send("GET", "/no/such/page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("Not found.");

        HttpResponse<String> wrongMethod = send("DELETE", "/health");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("Method not allowed.");
    }

    @Test
    void everyPublicResponseKeepsTokensOutOfTheRefererAndCannotBeFramedOrSniffed() throws Exception {
        for (String path : new String[] { "/health", "/no/such/page", "/broken/state", "/broken/token" }) {
            HttpResponse<String> r = send("GET", path);
            assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).hasValue("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("Cache-Control")).as(path).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        }
    }
}
