package org.herald.shell;

import org.herald.json.HeraldJson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * JSON for the console: Herald's one configuration ({@link HeraldJson}: ISO-8601 times, exact
 * decimals, no null properties), indented for {@link #pretty} and on one line for {@link #line}.
 */
public final class Json {

    private static final ObjectMapper MAPPER = HeraldJson.builder()
            // Records only: Contact.isDeleted() is derived from deletedAt and not part of the JSON shape.
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build();
    private static final ObjectMapper PRETTY = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);
    /** One line; a map's entries are written even when null, since its keys are the line's shape. */
    private static final ObjectMapper LINE = MAPPER.copy().setDefaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.ALWAYS));

    private Json() {
    }

    /** {@code value} as indented JSON. */
    public static String pretty(Object value) {
        return write(PRETTY, value);
    }

    /** {@code value} as JSON on one line, keeping null map entries. */
    public static String line(Object value) {
        return write(LINE, value);
    }

    private static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
