package org.herald.jetty.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The handler on a real Jetty, with contexts added and removed the way Pax Web does it (a
 * {@link ContextHandlerCollection} under the server's handler): the health paths answer 503 DOWN until
 * {@code /herald} serves its health servlet, then that servlet answers both; nothing else changes.
 */
class StartupHealthHandlerTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private Server server;
    private ContextHandlerCollection contexts;
    private int port;

    @BeforeEach
    void startJetty() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        contexts = new ContextHandlerCollection();
        server.setHandler(new StartupHealthHandler(contexts));
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stopJetty() throws Exception {
        server.stop();
    }

    @Test
    void beforeAnyContextBothHealthPathsAreDownAndOtherPathsStay404() throws Exception {
        assertDown(get("GET", "/herald/health"));
        assertDown(get("GET", "/health"));
        assertDown(get("GET", "/health?probe=1"));
        HttpResponse<String> head = get("HEAD", "/herald/health");
        assertThat(head.statusCode()).isEqualTo(503);
        assertThat(head.body()).isEmpty();
        assertThat(get("GET", "/herald/other").statusCode()).isEqualTo(404);
        assertThat(get("GET", "/healthz").statusCode()).isEqualTo(404);
        assertThat(get("GET", "/herald/health/more").statusCode()).isEqualTo(404);
    }

    @Test
    void aPublicContextWithoutTheHealthServletIsStillDown() throws Exception {
        ServletContextHandler herald = heraldContext();
        herald.addServlet(new ServletHolder("not-found", new Status(404, "not found")), "/");
        contexts.addHandler(herald);
        herald.start();

        assertDown(get("GET", "/herald/health"));
        assertDown(get("GET", "/health"));
        HttpResponse<String> other = get("GET", "/herald/other");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).isEqualTo("not found");
    }

    @Test
    void onceTheHealthServletIsMappedItAnswersBothPathsUntilTheContextGoes() throws Exception {
        ServletContextHandler herald = heraldContext();
        herald.addServlet(new ServletHolder("not-found", new Status(404, "not found")), "/");
        herald.addServlet(new ServletHolder("health", new Status(200, "{\"status\":\"UP\"}")), "/health");
        contexts.addHandler(herald);
        herald.start();

        HttpResponse<String> health = get("GET", "/herald/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.headers().firstValue("X-Seen")).hasValue("/herald/health /herald /health null");
        HttpResponse<String> alias = get("GET", "/health?probe=1");
        assertThat(alias.statusCode()).isEqualTo(200);
        assertThat(alias.body()).isEqualTo("{\"status\":\"UP\"}");
        // the servlet sees the request it would have seen at /herald/health
        assertThat(alias.headers().firstValue("X-Seen")).hasValue("/herald/health /herald /health probe=1");
        assertThat(get("GET", "/herald/other").statusCode()).isEqualTo(404);
        assertThat(get("GET", "/other").statusCode()).isEqualTo(404);

        herald.stop();
        assertDown(get("GET", "/herald/health"));
        assertDown(get("GET", "/health"));
        contexts.removeHandler(herald);
        assertDown(get("GET", "/herald/health"));
    }

    @Test
    void theServletsOwnDownGoesThroughUnchanged() throws Exception {
        ServletContextHandler herald = heraldContext();
        herald.addServlet(new ServletHolder("health", new Status(503, "{\"status\":\"DOWN\"}")), "/health");
        contexts.addHandler(herald);
        herald.start();

        HttpResponse<String> health = get("GET", "/health");
        assertDown(health);
        assertThat(health.headers().firstValue("X-Seen")).as("answered by the servlet").isPresent();
    }

    private static ServletContextHandler heraldContext() {
        return new ServletContextHandler(null, "/herald", ServletContextHandler.NO_SESSIONS);
    }

    private static void assertDown(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/json"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                c -> assertThat(c).contains("no-store"));
    }

    private HttpResponse<String> get(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Answers a fixed status and body, and tells in a header which request it saw. */
    private static final class Status extends HttpServlet {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String body;

        Status(int status, String body) {
            this.status = status;
            this.body = body;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(status);
            response.setContentType(body.startsWith("{") ? "application/json" : "text/plain");
            response.setHeader("Cache-Control", "no-store");
            response.setHeader("X-Seen", request.getRequestURI() + " " + request.getContextPath() + " "
                    + request.getServletPath() + " " + request.getQueryString());
            response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        }
    }
}
