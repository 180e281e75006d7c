package org.herald.rest.web;

/**
 * The JAX-RS Whiteboard names of Herald's public web application, served under {@link #BASE}
 * ({@code /herald}) with no authentication at all. It is a JAX-RS application of its own, next to
 * the admin API (base {@code /herald/api/v1}, every request authenticated): nothing decides per path
 * which requests may skip the login, so an admin resource cannot become public by accident, and a
 * public page cannot need one.
 *
 * <p>A bundle contributes a page or endpoint as a DS component:
 *
 * <pre>
 * &#64;Component(service = UnsubscribeResource.class)
 * &#64;JaxrsResource
 * &#64;JaxrsApplicationSelect(PublicWeb.APPLICATION)
 * &#64;JaxrsExtensionSelect(PublicWeb.JSON)      // only when it reads or writes JSON
 * &#64;Path("unsubscribe/{token}")
 * public class UnsubscribeResource { … }
 * </pre>
 *
 * <p>Every response of the application goes through its error mapper (a status and a fixed reason,
 * never an exception message; failures logged under a reference) and its header filter
 * ({@code Referrer-Policy: no-referrer} so tokens in page URLs never leak to other sites,
 * {@code X-Content-Type-Options: nosniff}, no framing, {@code Cache-Control: no-store} unless the
 * resource set one). A resource maps its own domain errors to the response it wants (for example
 * the same answer for unknown, expired and tampered tokens) instead of throwing them.
 *
 * <p>Paths under {@code /herald/api/} belong to the admin application (its servlet context is the
 * longer prefix and wins): a public resource must not use {@code @Path("api/…")}.
 */
public final class PublicWeb {

    /** Where the public application is served, relative to the whiteboard root (Karaf's HTTP port). */
    public static final String BASE = "/herald";

    /** {@code osgi.jaxrs.name} of the public application. */
    public static final String APPLICATION_NAME = "herald-public";

    /** Filter selecting the public application, for {@code osgi.jaxrs.application.select}. */
    public static final String APPLICATION = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    /** {@code osgi.jaxrs.name} of the public application's Jackson provider. */
    public static final String JSON_NAME = "herald-public-json";

    /** Filter selecting the public JSON provider, for {@code osgi.jaxrs.extension.select}. */
    public static final String JSON = "(osgi.jaxrs.name=" + JSON_NAME + ")";

    /** {@code osgi.jaxrs.name} of the public application's exception mapper. */
    public static final String ERRORS_NAME = "herald-public-errors";

    /** Filter selecting the public exception mapper, for {@code osgi.jaxrs.extension.select}. */
    public static final String ERRORS = "(osgi.jaxrs.name=" + ERRORS_NAME + ")";

    /** {@code osgi.jaxrs.name} of the filter that sets the public application's response headers. */
    public static final String HEADERS_NAME = "herald-public-headers";

    /** Filter selecting the public header filter, for {@code osgi.jaxrs.extension.select}. */
    public static final String HEADERS = "(osgi.jaxrs.name=" + HEADERS_NAME + ")";

    private PublicWeb() {
    }
}
