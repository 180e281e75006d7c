package org.herald.routes.contacts.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** Reads one contact input JSON object (the documented queue message) into a {@link ContactInput}. */
final class ContactJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The wire shape, kept apart from the API record so the message format is explicit. */
    record Message(String email, String status, Map<String, Object> fields, Set<String> tags, Set<String> removeTags,
            Set<String> lists, Set<String> unsubscribeLists, Boolean monitored) {
    }

    private ContactJson() {
    }

    static ContactInput parse(String body) {
        if (body == null || body.isBlank()) {
            throw new ValidationException("body", "", "the message is empty: expected a JSON object with at least \"email\"");
        }
        Message m;
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ValidationException("body", abbreviate(body), "expected a JSON object with at least \"email\"");
            }
            m = MAPPER.treeToValue(node, Message.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ValidationException(e.getPropertyName(), null, "unknown property \"" + e.getPropertyName()
                    + "\": use email, status, fields, tags, removeTags, lists, unsubscribeLists, monitored");
        } catch (JsonProcessingException e) {
            throw new ValidationException("body", abbreviate(body), "not valid JSON: " + e.getOriginalMessage());
        }
        if (m.email() == null || m.email().isBlank()) {
            throw new ValidationException("email", null, "\"email\" is required");
        }
        Map<String, Object> fields = m.fields() == null ? Map.of() : new LinkedHashMap<>(m.fields());
        return new ContactInput(m.email(), OptInStatus.parse(m.status()), fields, m.tags(), m.removeTags(), m.lists(),
                m.unsubscribeLists(), m.monitored());
    }

    private static String abbreviate(String body) {
        return body.length() <= 80 ? body : body.substring(0, 80) + "…";
    }
}
