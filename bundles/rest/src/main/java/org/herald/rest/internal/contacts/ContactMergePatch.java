package org.herald.rest.internal.contacts;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.json.ContactInputJson;
import org.herald.json.HeraldJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A JSON Merge Patch (RFC 7396, {@code application/merge-patch+json}) of a contact, turned into the
 * {@link ContactInput} that makes the contact look like the patched document: members present are
 * replaced, {@code null} removes, and arrays replace as a whole. So {@code "tags":["a"]} leaves
 * exactly tag {@code a}, {@code "lists":[]} unsubscribes from every list, {@code "fields":{"city":null}}
 * clears one field and {@code "fields":null} all of them. E-mail, status and monitoring cannot be
 * removed, only replaced.
 */
final class ContactMergePatch {

    private static final ObjectMapper JSON = HeraldJson.mapper();
    private static final Set<String> MEMBERS = Set.of("email", "status", "fields", "tags", "lists", "monitored");

    private ContactMergePatch() {
    }

    /** The input that applies {@code patch} to {@code current}. */
    static ContactInput apply(Contact current, JsonNode patch) throws JsonProcessingException {
        if (patch == null || patch.isNull() || patch.isMissingNode()) {
            throw new ValidationException("body", null, "the request body is empty: send a JSON merge patch object");
        }
        if (!patch.isObject()) {
            throw new ValidationException("body", patch.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                    "a merge patch of a contact must be a JSON object");
        }
        ObjectNode scalars = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> member = it.next();
            String name = member.getKey();
            if (!MEMBERS.contains(name)) {
                throw new ValidationException(name, null, "'" + name + "' is not a member of a contact; a merge patch may set "
                        + String.join(", ", List.of("email", "status", "fields", "tags", "lists", "monitored"))
                        + (name.equals("removeTags") || name.equals("unsubscribeLists")
                                ? " (arrays replace as a whole: send the tags or lists the contact should have)" : ""));
            }
            boolean removable = name.equals("fields") || name.equals("tags") || name.equals("lists");
            if (member.getValue().isNull() && !removable) {
                throw new ValidationException(name, null, "'" + name + "' cannot be removed, only replaced");
            }
            if (!removable) {
                scalars.set(name, member.getValue());
            }
        }
        ContactInputJson base = JSON.treeToValue(scalars, ContactInputJson.class);
        Map<String, Object> fields = fields(current, patch.get("fields"));
        Set<String> tags = names(patch, "tags");
        Set<String> lists = names(patch, "lists");
        return new ContactInput(base.email(), base.toInput().status(), fields,
                tags == null ? null : minus(tags, current.tags()), tags == null ? null : minus(current.tags(), tags),
                lists == null ? null : minus(lists, current.lists()), lists == null ? null : minus(current.lists(), lists),
                base.monitored());
    }

    private static Map<String, Object> fields(Contact current, JsonNode patch) throws JsonProcessingException {
        Map<String, Object> result = new LinkedHashMap<>();
        if (patch == null) {
            return result;
        }
        if (patch.isNull()) {
            current.fields().keySet().forEach(name -> result.put(name, null));
            return result;
        }
        if (!patch.isObject()) {
            throw new ValidationException("fields", null, "'fields' must be an object of field names and values, or null");
        }
        ObjectNode wrapped = JSON.createObjectNode();
        wrapped.set("fields", patch);
        return JSON.treeToValue(wrapped, ContactInputJson.class).fields();
    }

    /** The names of an array member, null when absent, empty when null. */
    private static Set<String> names(JsonNode patch, String member) {
        JsonNode node = patch.get(member);
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return Set.of();
        }
        if (!node.isArray()) {
            throw new ValidationException(member, null, "'" + member + "' must be an array of names, or null");
        }
        List<String> values = new java.util.ArrayList<>();
        for (JsonNode value : (ArrayNode) node) {
            if (!value.isTextual()) {
                throw new ValidationException(member, value.toString(), "'" + member + "' must contain names, not " + value);
            }
            values.add(value.asText());
        }
        return ContactInputJson.names(member, values);
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> result = new LinkedHashSet<>(a);
        result.removeAll(b);
        return result;
    }
}
