package org.herald.rest.internal.contacts;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;

/**
 * The JSON of {@code POST /contacts} and {@code PATCH /contacts/{idOrEmail}} (and of the
 * {@code herald.contacts.in} queue). Field values keep their JSON types: strings, numbers (exact
 * decimals), booleans, arrays for multi-choice, null to clear.
 */
public record ContactInputJson(String email, String status, Map<String, Object> fields, Collection<String> tags,
        Collection<String> removeTags, Collection<String> lists, Collection<String> unsubscribeLists, Boolean monitored) {

    public ContactInput toInput() {
        return new ContactInput(email, OptInStatus.parse(status), fields, names("tags", tags),
                names("removeTags", removeTags), names("lists", lists), names("unsubscribeLists", unsubscribeLists),
                monitored);
    }

    static Set<String> names(String property, Collection<String> values) {
        if (values == null) {
            return null;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw new ValidationException(property, v, "'" + property + "' must not contain empty or null names");
            }
            result.add(v);
        }
        return result;
    }
}
