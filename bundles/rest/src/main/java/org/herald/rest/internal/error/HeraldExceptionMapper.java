package org.herald.rest.internal.error;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.herald.common.ConflictException;
import org.herald.common.HeraldException;
import org.herald.common.InUseException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.rest.internal.Whiteboard;
import org.herald.store.StoreException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the errors Herald's services report into HTTP: validation 400 (with field and value),
 * not found 404, conflict 409, in use 409 (with usages). Their messages are written for the
 * caller, so they go out as they are. A failing database ({@link StoreException}) is not the
 * caller's doing and its message names tables and SQL: it is a 500 with a log reference only.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("herald-errors")
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
public class HeraldExceptionMapper implements ExceptionMapper<HeraldException> {

    private static final Logger LOG = LoggerFactory.getLogger(HeraldExceptionMapper.class);

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
        if (e instanceof StoreException) {
            return FallbackExceptionMapper.internal(e);
        }
        if (e.getCause() != null) {
            LOG.warn("Request refused: {}", e.getMessage(), e.getCause());
        }
        return Errors.response(400, ErrorBody.BAD_REQUEST, e.getMessage());
    }
}
