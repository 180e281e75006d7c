package org.herald.rest.internal.error;

import java.util.UUID;

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
 * Anything no other mapper knows is a bug or an outage: the caller gets a 500 with a reference and
 * no internals; the log gets the stack trace under the same reference.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("herald-internal-errors")
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(FallbackExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        return internal(e);
    }

    /** A 500 whose body holds only a reference to the logged failure. */
    static Response internal(Throwable e) {
        String reference = UUID.randomUUID().toString();
        LOG.error("Internal error, reference {}", reference, e);
        return Errors.response(500, ErrorBody.INTERNAL,
                "an internal error occurred; the server log has the details under reference " + reference);
    }
}
