package org.herald.rest.internal.error;

import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.herald.common.ConflictException;
import org.herald.common.HeraldException;
import org.herald.common.InUseException;
import org.herald.common.NotFoundException;
import org.herald.common.TransientException;
import org.herald.common.ValidationException;
import org.herald.rest.internal.Whiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the errors Herald's services report into HTTP. Rejected input: validation 400 (with field
 * and value), not found 404, conflict 409, in use 409 (with usages); their messages are written for
 * the caller, so they go out as they are. A {@link TransientException} (the database unavailable,
 * {@code StoreException}, or a write that kept losing a race) is not the caller's doing and retrying
 * can succeed: 503 with {@code Retry-After}, and since its message can name tables and SQL, the body
 * holds only a reference to the log entry that has it.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("herald-errors")
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
public class HeraldExceptionMapper implements ExceptionMapper<HeraldException> {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldExceptionMapper.class);
    /** A hint, not a limit: the route's own redelivery starts at a second and backs off. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(HeraldException e) {
        if (e instanceof ValidationException v) {
            return Errors.response(400, new ErrorBody(ErrorBody.VALIDATION, v.getMessage(), v.field(), v.value(), null));
        }
        if (e instanceof NotFoundException) {
            return Errors.response(404, ErrorBody.NOT_FOUND, e.getMessage());
        }
        if (e instanceof InUseException u) {
            return Errors.response(409, new ErrorBody(ErrorBody.IN_USE, u.getMessage(), null, null, u.usages()));
        }
        if (e instanceof ConflictException) {
            return Errors.response(409, ErrorBody.CONFLICT, e.getMessage());
        }
        if (e instanceof TransientException t) {
            return unavailable(t);
        }
        if (e.getCause() != null) {
            LOG.warn("Request refused: {}", e.getMessage(), e.getCause());
        }
        return Errors.response(400, ErrorBody.BAD_REQUEST, e.getMessage());
    }

    /** A 503 that asks the caller to come back, with only a reference to the logged failure. */
    static Response unavailable(TransientException e) {
        String reference = UUID.randomUUID().toString();
        LOG.warn("Temporarily unavailable, reference {}: {}", reference, e.getMessage(), e);
        return Response.fromResponse(Errors.response(503, ErrorBody.UNAVAILABLE,
                "temporarily unavailable (the database is unavailable or busy); try again later. "
                        + "The server log has the details under reference " + reference))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
