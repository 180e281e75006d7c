package org.herald.rest.internal.error;

import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.NoContentException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.herald.rest.internal.Whiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the errors the JAX-RS runtime raises itself (no such path, wrong method, wrong media type,
 * empty body) the same JSON shape as Herald's own, keeping their status and headers.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("herald-http-errors")
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (original != null && original.hasEntity() && original.getEntity() instanceof ErrorBody) {
            return original;
        }
        if (status >= 500) {
            LOG.error("Request failed with HTTP {}", status, e);
        }
        Response.ResponseBuilder builder = Response.fromResponse(Errors.response(status, Errors.codeFor(status), message(e, status)));
        if (original != null) {
            original.getStringHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                    values.forEach(v -> builder.header(name, v));
                }
            });
        }
        return builder.build();
    }

    static String message(WebApplicationException e, int status) {
        if (e instanceof NotFoundException || status == 404) {
            return "nothing here: check the path and method against " + Whiteboard.BASE + "/openapi.json";
        }
        if (e instanceof NotAllowedException || status == 405) {
            Object allow = e.getResponse() == null ? null : e.getResponse().getHeaderString("Allow");
            return "this method is not allowed on this path" + (allow == null ? "" : "; allowed: " + allow);
        }
        if (e instanceof NotSupportedException || status == 415) {
            return "unsupported Content-Type: send application/json (text/csv for /contacts/import)";
        }
        if (e instanceof NotAcceptableException || status == 406) {
            return "cannot answer in the media type asked for in Accept: this API answers application/json"
                    + " (text/csv for the CSV export)";
        }
        if (e.getCause() instanceof NoContentException) {
            return "the request body is empty: send a JSON object";
        }
        if (status == 401) {
            return "authentication required: use HTTP Basic";
        }
        if (status >= 500) {
            return "an internal error occurred; the details are in the server log";
        }
        String message = e.getMessage();
        return message == null || message.startsWith("HTTP ") ? "the request could not be processed (HTTP " + status + ")"
                : message;
    }
}
