package org.herald.store.internal;

import java.util.List;
import java.util.Map;

import org.herald.contacts.Choice;
import org.herald.store.StoreException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text columns: multi-choice values and field choices. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<List<Choice>> CHOICES = new TypeReference<>() { };
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot write JSON column", e);
        }
    }

    static List<String> strings(String json) {
        return read(json, STRINGS);
    }

    /** A JSON object column (event properties), with exact decimals. */
    static Map<String, Object> object(String json) {
        try {
            return MAPPER.readerFor(OBJECT).with(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .readValue(json);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read JSON column", e);
        }
    }

    static List<Choice> choices(String json) {
        return json == null ? List.of() : read(json, CHOICES);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("cannot read JSON column", e);
        }
    }
}
