package org.herald.rest.internal.error;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.herald.common.HeraldException;
import org.herald.json.JsonProblem;
import org.herald.rest.internal.Whiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Turns JSON the API cannot read into a 400 that says what was wrong and where: the unknown
 * property and the ones allowed, the property with a value of the wrong type, or the line and
 * column of a syntax error.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("herald-json-errors")
@JaxrsApplicationSelect(Whiteboard.APPLICATION)
@JaxrsExtensionSelect(Whiteboard.JSON)
public class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private final HeraldExceptionMapper heraldErrors = new HeraldExceptionMapper();

    @Override
    public Response toResponse(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() instanceof HeraldException h) {
            return heraldErrors.toResponse(h);
        }
        return Errors.response(400, describe(e));
    }

    /** The error body for a JSON problem, in the words every entry point uses ({@link JsonProblem}). */
    public static ErrorBody describe(JsonProcessingException e) {
        JsonProblem problem = JsonProblem.of(e);
        return new ErrorBody(ErrorBody.BAD_REQUEST, problem.message(), problem.field(), problem.value(), null);
    }
}
