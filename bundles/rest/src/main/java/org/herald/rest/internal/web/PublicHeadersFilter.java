package org.herald.rest.internal.web;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MultivaluedMap;

import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The headers every public response carries. Public URLs hold subscriber tokens, so the
 * {@code Referer} must never carry them to another site (a logo, a privacy-policy link); pages are
 * personal, so nothing is cached unless a resource says otherwise; and no page may be framed (a
 * hidden unsubscribe button) or sniffed into another content type.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsName(PublicWeb.HEADERS_NAME)
@JaxrsApplicationSelect(PublicWeb.APPLICATION)
public class PublicHeadersFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Referrer-Policy", "no-referrer");
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        if (!headers.containsKey("Content-Security-Policy")) {
            headers.putSingle("Content-Security-Policy", "frame-ancestors 'none'");
        }
        if (!headers.containsKey(HttpHeaders.CACHE_CONTROL)) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }
}
