package org.herald.rest.internal.error;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.herald.common.HeraldException;
import org.herald.rest.internal.Whiteboard;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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

    /** The error body for a JSON problem; public for tests. */
    public static ErrorBody describe(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String path = path(u);
            Collection<Object> known = u.getKnownPropertyIds();
            String allowed = known == null || known.isEmpty() ? ""
                    : "; allowed here: " + new TreeSet<>(known.stream().map(String::valueOf).toList()).stream()
                            .collect(Collectors.joining(", "));
            return new ErrorBody(ErrorBody.BAD_REQUEST, "unknown property '" + path + "' in the request body" + allowed,
                    path, null, null);
        }
        if (e instanceof InvalidFormatException f) {
            String path = path(f);
            return new ErrorBody(ErrorBody.BAD_REQUEST, "'" + path + "' must be " + describeType(f.getTargetType())
                    + ", not " + String.valueOf(f.getValue()), path, f.getValue(), null);
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            if (path.isEmpty()) {
                String what = m.getTargetType() == null ? "a JSON value" : describeType(m.getTargetType());
                return new ErrorBody(ErrorBody.BAD_REQUEST, "the request body must be " + what + where(e), null, null,
                        null);
            }
            return new ErrorBody(ErrorBody.BAD_REQUEST,
                    "'" + path + "' must be " + describeType(m.getTargetType()) + where(e), path, null, null);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = path(m);
            return new ErrorBody(ErrorBody.BAD_REQUEST, "'" + path + "' could not be read: " + m.getOriginalMessage(),
                    path, null, null);
        }
        return ErrorBody.of(ErrorBody.BAD_REQUEST,
                "the request body is not valid JSON: " + firstLine(e.getOriginalMessage()) + where(e));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describeType(Class<?> type) {
        if (type == null) {
            return "another JSON type";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class
                || type == BigDecimal.class || type == BigInteger.class) {
            return "a number";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray() || List.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a JSON value of another type";
    }

    private static String where(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        if (loc == null || loc.getLineNr() < 0) {
            return "";
        }
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
