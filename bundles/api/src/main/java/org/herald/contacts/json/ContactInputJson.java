package org.herald.contacts.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.json.HeraldJson;
import org.herald.json.JsonProblem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The contact input document: the JSON of {@code POST /contacts}, {@code PATCH /contacts/{idOrEmail}}
 * and of a {@code herald.contacts.in} message. Members: {@code email}, {@code status}, {@code fields}
 * (values keep their JSON types: strings, numbers as exact decimals, booleans, arrays for
 * multi-choice, null to clear), {@code tags}, {@code removeTags}, {@code lists},
 * {@code unsubscribeLists}, {@code monitored}; any other member is refused.
 *
 * <p>Instances come from Jackson (a mapper of {@link HeraldJson}) or from {@link #read(byte[])}; the
 * conversion to {@link ContactInput} ({@link #toInput()}) is where the document
 * is validated, so every entry point accepts and refuses the same documents with the same messages.
 */
public final class ContactInputJson {

    /** Why an empty body (or JSON {@code null}) is refused. */
    public static final String EMPTY_MESSAGE = "the body is empty: send a JSON object with at least \"email\"";

    private static final ObjectReader READER = HeraldJson.mapper().readerFor(ContactInputJson.class);

    private final String email;
    private final String status;
    private final Map<String, Object> fields;
    private final List<String> tags;
    private final List<String> removeTags;
    private final List<String> lists;
    private final List<String> unsubscribeLists;
    private final Boolean monitored;

    @JsonCreator
    private ContactInputJson(@JsonProperty("email") String email, @JsonProperty("status") String status,
            @JsonProperty("fields") Map<String, Object> fields, @JsonProperty("tags") List<String> tags,
            @JsonProperty("removeTags") List<String> removeTags, @JsonProperty("lists") List<String> lists,
            @JsonProperty("unsubscribeLists") List<String> unsubscribeLists,
            @JsonProperty("monitored") Boolean monitored) {
        this.email = email;
        this.status = status;
        this.fields = fields;
        this.tags = tags;
        this.removeTags = removeTags;
        this.lists = lists;
        this.unsubscribeLists = unsubscribeLists;
        this.monitored = monitored;
    }

    /**
     * Reads one document (UTF-8) with Herald's JSON settings.
     *
     * @return the document, never null
     * @throws ValidationException for an empty body, JSON that is not valid or not this shape
     */
    public static ContactInputJson read(byte[] json) {
        if (json == null || json.length == 0) {
            throw empty();
        }
        ContactInputJson value;
        try {
            value = READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw JsonProblem.of(e).toValidationException();
        } catch (IOException e) {
            throw new ValidationException("body", null, "the body could not be read: " + e.getMessage());
        }
        return required(value);
    }

    /** {@code body} itself; an absent body (null) is refused with {@link #EMPTY_MESSAGE}. */
    public static ContactInputJson required(ContactInputJson body) {
        if (body == null) {
            throw empty();
        }
        return body;
    }

    /**
     * The {@link ContactInput} this document asks for: an upsert keyed on {@code email}, or an update
     * of an existing contact where a non-null {@code email} changes the address. The contact service
     * applies the rules of e-mail addresses and fields, the same for every entry point.
     *
     * @throws ValidationException for an unknown status or an empty name in tags or lists
     */
    public ContactInput toInput() {
        return new ContactInput(email, OptInStatus.parse(status), fields == null ? null : new LinkedHashMap<>(fields),
                names("tags", tags), names("removeTags", removeTags), names("lists", lists),
                names("unsubscribeLists", unsubscribeLists), monitored);
    }

    public String email() {
        return email;
    }

    public Boolean monitored() {
        return monitored;
    }

    /** The raw {@code fields} member: null when absent, values with their JSON types. */
    public Map<String, Object> fields() {
        return fields;
    }

    /**
     * Names (tags, lists) given in {@code property}, in order, without duplicates; null when absent.
     *
     * @throws ValidationException if one is null or blank
     */
    public static Set<String> names(String property, Collection<String> values) {
        if (values == null) {
            return null;
        }
        Set<String> result = new LinkedHashSet<>();
        for (String v : new ArrayList<>(values)) {
            if (v == null || v.isBlank()) {
                throw new ValidationException(property, v, "'" + property + "' must not contain empty or null names");
            }
            result.add(v);
        }
        return result;
    }

    private static ValidationException empty() {
        return new ValidationException("body", null, EMPTY_MESSAGE);
    }
}
