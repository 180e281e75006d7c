package org.herald.rest.internal.web;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every exception that reaches the public application becomes a status and a fixed, plain-text
 * reason: the caller is an anonymous subscriber (or a mail scanner, or an attacker), so no exception
 * message, class name or stack trace ever goes out. Routing errors keep their status and headers
 * (404, 405 with {@code Allow}, 415, …); redirects pass unchanged; anything else is a 500 whose body
 * holds only a reference to the log entry with the stack trace.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName(PublicWeb.ERRORS_NAME)
@JaxrsApplicationSelect(PublicWeb.APPLICATION)
public class PublicExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(PublicExceptionMapper.class);

    private static final MediaType TEXT = MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException w && w.getResponse() != null) {
            Response original = w.getResponse();
            int status = original.getStatus();
            if (status < 400) {
                return original;
            }
            if (status < 500) {
                LOG.debug("Public request refused with HTTP {}", status, e);
                Response.ResponseBuilder builder = Response.status(status).type(TEXT).entity(reason(status));
                original.getStringHeaders().forEach((name, values) -> {
                    if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                        values.forEach(v -> builder.header(name, v));
                    }
                });
                return builder.build();
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Internal error on a public page, reference {}", reference, e);
        return Response.status(500).type(TEXT)
                .entity("Something went wrong on our side. Please try again later (reference " + reference + ").")
                .build();
    }

    /** The fixed text for a client error: what went wrong in general, nothing about this request. */
    static String reason(int status) {
        switch (status) {
            case 400:
                return "Bad request.";
            case 404:
                return "Not found.";
            case 405:
                return "Method not allowed.";
            case 406:
                return "Not acceptable.";
            case 413:
                return "Request too large.";
            case 415:
                return "Unsupported media type.";
            case 429:
                return "Too many requests. Please try again later.";
            default:
                return "The request could not be processed.";
        }
    }
}
