package org.herald.rest.web;

/**
 * The HTTP Whiteboard names of Herald's public web application: a servlet context of its own at
 * {@link #BASE} ({@code /herald}) for the subscriber-facing pages and endpoints (preference center,
 * unsubscribe with RFC 8058 one-click, confirmation, forms, tracking, the anonymous health check),
 * which answer without a login. It is not part of the admin API (the JAX-RS application at
 * {@code /herald/api/v1}, every request authenticated): nothing decides per path which requests may
 * skip the login, so an admin resource cannot become public by accident, and a public page cannot
 * need one.
 *
 * <p>A bundle contributes a page or endpoint as a DS servlet component in this context:
 *
 * <pre>
 * &#64;Component(service = Servlet.class)
 * &#64;HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
 * &#64;HttpWhiteboardServletName("herald-unsubscribe")
 * &#64;HttpWhiteboardServletPattern("/unsubscribe/*")
 * public class UnsubscribeServlet extends HttpServlet { … }
 * </pre>
 *
 * <p>Every request of the context goes through its guard filter: the headers every public page needs
 * ({@code Referrer-Policy: no-referrer} so tokens in page URLs never leak to other sites,
 * {@code X-Content-Type-Options: nosniff}, no framing, {@code Cache-Control: no-store} unless the
 * servlet sets its own), and errors that never leak internals: {@code sendError} answers with the
 * status and a fixed reason, never the message; an exception is a 500 with only a reference to the
 * log entry. Paths nobody serves are a plain 404. A servlet maps its own domain errors to the answer
 * it wants (for example the same response for unknown, expired and tampered tokens).
 *
 * <p>Paths under {@code /herald/api/} belong to the admin API (its servlet context is the longer
 * prefix and wins): a public servlet must not use them.
 *
 * <p>The constants are compile-time constants: a contributing bundle needs this package on its build
 * path, not in its manifest.
 */
public final class PublicWeb {

    /** Context path of the public web application, relative to the HTTP root (Karaf's HTTP port). */
    public static final String BASE = "/herald";

    /** {@code osgi.http.whiteboard.context.name} of the public context. */
    public static final String CONTEXT_NAME = "herald-public";

    /** Filter selecting the public context, for {@code osgi.http.whiteboard.context.select}. */
    public static final String CONTEXT = "(osgi.http.whiteboard.context.name=" + CONTEXT_NAME + ")";

    private PublicWeb() {
    }
}
