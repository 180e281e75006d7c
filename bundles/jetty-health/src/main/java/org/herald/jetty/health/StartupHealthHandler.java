package org.herald.jetty.health;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.servlet.DispatcherType;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.pathmap.MappedResource;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Wraps the handler Pax Web gives Jetty's {@code Server} (set around it by {@code etc/jetty.xml}), so that
 * the anonymous health check answers from the moment the HTTP port accepts connections: until Herald's
 * public servlet context ({@code /herald}) is started and serves its health servlet ({@code /health}),
 * {@code /herald/health} and the root alias {@code /health} answer 503 {@code {"status":"DOWN"}}
 * instead of Jetty's 404. Once that servlet is there, both go to it (the alias rewritten to
 * {@code /herald/health}), and it says 200 UP or 503 DOWN from Herald's readiness itself. Every other
 * request passes through untouched.
 *
 * <p>Lives in a fragment of the pax-web-jetty bundle because {@code jetty.xml} is parsed with that
 * bundle's class loader, which cannot import packages dynamically. It therefore uses only Jetty and the
 * Servlet API, which the host imports, and knows Herald's public context by its paths alone.
 */
public class StartupHealthHandler extends HandlerWrapper {

    /** Path of Herald's public servlet context ({@code PublicWeb.BASE} in herald-rest). */
    static final String CONTEXT_PATH = "/herald";
    /** Pattern of the health servlet inside that context ({@code PublicHealthServlet}). */
    static final String SERVLET_PATH = "/health";
    /** The anonymous health check. */
    static final String HEALTH = CONTEXT_PATH + SERVLET_PATH;
    /** Its alias at the root, for load balancers that probe {@code /health}. */
    static final String ALIAS = "/health";

    private static final byte[] DOWN = "{\"status\":\"DOWN\"}".getBytes(StandardCharsets.UTF_8);

    public StartupHealthHandler() {
    }

    /** For tests and for a {@code jetty.xml} that prefers a constructor argument. */
    public StartupHealthHandler(Handler handler) {
        setHandler(handler);
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        boolean alias = ALIAS.equals(target);
        if (!(alias || HEALTH.equals(target)) || baseRequest.getDispatcherType() != DispatcherType.REQUEST) {
            super.handle(target, baseRequest, request, response);
            return;
        }
        if (healthServletServes()) {
            if (alias) {
                String query = baseRequest.getHttpURI().getQuery();
                baseRequest.setURIPathQuery(query == null ? HEALTH : HEALTH + "?" + query);
                baseRequest.setPathInfo(HEALTH);
            }
            super.handle(HEALTH, baseRequest, request, response);
            if (baseRequest.isHandled()) {
                return;
            }
            // the context went away between the look and the call (a restart of herald-rest): not ready
        }
        down(baseRequest, response);
    }

    /**
     * Whether the public context is started and available and maps a servlet of its own (not the
     * context's default servlet) at exactly {@link #SERVLET_PATH}.
     */
    boolean healthServletServes() {
        if (!isStarted() || getHandler() == null) {
            return false;
        }
        for (Handler h : getChildHandlersByClass(ServletContextHandler.class)) {
            ServletContextHandler context = (ServletContextHandler) h;
            if (!CONTEXT_PATH.equals(context.getContextPath()) || !context.isStarted() || !context.isAvailable()
                    || context.getServletHandler() == null) {
                continue;
            }
            MappedResource<ServletHolder> mapped = context.getServletHandler().getMappedServlet(SERVLET_PATH);
            if (mapped != null && SERVLET_PATH.equals(mapped.getPathSpec().getDeclaration())
                    && mapped.getResource() != null && mapped.getResource().isAvailable()) {
                return true;
            }
        }
        return false;
    }

    /** What {@code PublicHealthServlet} answers while Herald is not ready, with the public context's headers. */
    private static void down(Request baseRequest, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store, no-cache");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "frame-ancestors 'none'");
        response.setContentLength(DOWN.length);
        if (!"HEAD".equals(baseRequest.getMethod())) {
            response.getOutputStream().write(DOWN);
        }
    }
}
