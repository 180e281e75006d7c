package org.herald.contacts;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A contact as stored. {@code id} is the opaque public id returned at creation; {@code email} is the
 * normalised address. Field values are JSON-ready: text, choice and phone as {@code String}, number
 * as {@code Long}, decimal as {@code java.math.BigDecimal}, date as an ISO {@code yyyy-MM-dd}
 * {@code String}, boolean as {@code Boolean}, multi-choice as a {@code List<String>}.
 * {@code deletedAt} is set while the contact is soft-deleted (restorable until the purge).
 */
public record Contact(String id, String email, OptInStatus status, Map<String, Object> fields, Set<String> tags,
        Set<String> lists, boolean monitored, Instant created, Instant updated, Instant deletedAt) {

    public Contact {
        fields = Map.copyOf(fields);
        tags = Set.copyOf(tags);
        lists = Set.copyOf(lists);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
