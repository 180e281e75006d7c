package org.herald.rest.internal.contacts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.herald.contacts.Contact;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A contact as the API shows it; always the same keys ({@code deletedAt} is null while live). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContactJson(String id, String email, String status, Map<String, Object> fields, List<String> tags,
        List<String> lists, boolean monitored, Instant created, Instant updated, Instant deletedAt) {

    public static ContactJson of(Contact c) {
        return new ContactJson(c.id(), c.email(), c.status() == null ? null : c.status().name(),
                new TreeMap<>(c.fields()), c.tags().stream().sorted().toList(), c.lists().stream().sorted().toList(),
                c.monitored(), c.created(), c.updated(), c.deletedAt());
    }
}
