package org.herald.rest.internal;

/**
 * The JAX-RS Whiteboard names that tie Herald's admin API together. A resource joins the API by
 * carrying {@code @JaxrsResource}, {@code @JaxrsApplicationSelect(Whiteboard.APPLICATION)} and
 * {@code @JaxrsExtensionSelect(Whiteboard.JSON)}; it is then served under {@link #BASE} behind the
 * Basic-auth filter (every request, no exceptions) and the exception mappers, with no further
 * wiring. Anonymous pages and endpoints belong to the public application instead:
 * {@link org.herald.rest.web.PublicWeb}.
 */
public final class Whiteboard {

    /** Where the Herald application is served, relative to the whiteboard root (Karaf's HTTP port). */
    public static final String BASE = "/herald/api/v1";

    /** {@code osgi.jaxrs.name} of the admin application. */
    public static final String APPLICATION_NAME = "herald";

    /** Filter selecting the admin application, for {@code osgi.jaxrs.application.select}. */
    public static final String APPLICATION = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    /** {@code osgi.jaxrs.name} of Herald's Jackson provider. */
    public static final String JSON_NAME = "herald-json";

    /** Filter selecting the JSON provider, for {@code osgi.jaxrs.extension.select}. */
    public static final String JSON = "(osgi.jaxrs.name=" + JSON_NAME + ")";

    /** {@code osgi.jaxrs.name} of the Basic-auth filter. */
    public static final String AUTH_NAME = "herald-auth";

    /** Filter selecting the Basic-auth filter, for {@code osgi.jaxrs.extension.select}. */
    public static final String AUTH = "(osgi.jaxrs.name=" + AUTH_NAME + ")";

    /** {@code osgi.jaxrs.name} of the filter refusing unknown query parameters ({@link KnownQueryParameters}). */
    public static final String QUERY_NAME = "herald-query-parameters";

    /** Filter selecting it, for {@code osgi.jaxrs.extension.select}. */
    public static final String QUERY = "(osgi.jaxrs.name=" + QUERY_NAME + ")";

    private Whiteboard() {
    }
}
