package org.herald.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.herald.common.ValidationException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What was wrong with a JSON document Jackson could not read, in words for the sender: the unknown
 * property and the ones allowed, the property with a value of the wrong type, or the line and column
 * of a syntax error (a key given twice included). Every entry point (REST, queues, console) uses it,
 * so the same document is refused with the same message everywhere.
 */
public final class JsonProblem {

    private final String message;
    private final String field;
    private final Object value;

    private JsonProblem(String message, String field, Object value) {
        this.message = message;
        this.field = field;
        this.value = value;
    }

    /** Says what {@code e} found wrong. */
    public static JsonProblem of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            String path = path(u);
            Collection<Object> known = u.getKnownPropertyIds();
            String allowed = known == null || known.isEmpty() ? ""
                    : "; allowed here: " + new TreeSet<>(known.stream().map(String::valueOf).toList()).stream()
                            .collect(Collectors.joining(", "));
            return new JsonProblem("unknown property '" + path + "' in the body" + allowed, path, null);
        }
        if (e instanceof InvalidFormatException f) {
            String path = path(f);
            return new JsonProblem("'" + path + "' must be " + describeType(f.getTargetType()) + ", not "
                    + f.getValue(), path, f.getValue());
        }
        if (e instanceof MismatchedInputException m && String.valueOf(m.getOriginalMessage()).startsWith("Trailing token")) {
            return new JsonProblem("the body has content after the JSON document" + where(e), null, null);
        }
        if (e instanceof MismatchedInputException m) {
            String path = path(m);
            if (path.isEmpty()) {
                String what = m.getTargetType() == null ? "a JSON value" : describeType(m.getTargetType());
                return new JsonProblem("the body must be " + what + where(e), null, null);
            }
            return new JsonProblem("'" + path + "' must be " + describeType(m.getTargetType()) + where(e), path, null);
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String path = path(m);
            return new JsonProblem("'" + path + "' could not be read: " + m.getOriginalMessage(), path, null);
        }
        return new JsonProblem("the body is not valid JSON: " + firstLine(e.getOriginalMessage()) + where(e), null, null);
    }

    /** The message for the sender. */
    public String message() {
        return message;
    }

    /** The property at fault as a path ({@code fields.age}, {@code tags[1]}), or null for the whole body. */
    public String field() {
        return field;
    }

    /** The offending value as given, when Jackson knows it, or null. */
    public Object value() {
        return value;
    }

    /** The problem as the input error every entry point reports. */
    public ValidationException toValidationException() {
        return new ValidationException(field == null ? "body" : field, value == null ? null : String.valueOf(value),
                message);
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
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()
                || !type.getName().startsWith("java.") && !type.isPrimitive()) {
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
        String line = nl < 0 ? message : message.substring(0, nl);
        // Jackson names the source only to say it does not; the line and column follow anyway.
        return line.replaceAll("\\[Source: [^;\\]]*; ", "[");
    }
}
