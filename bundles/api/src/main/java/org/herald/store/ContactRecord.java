package org.herald.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.herald.contacts.ContactMetrics;
import org.herald.contacts.OptInStatus;

/**
 * A contact as stored. {@code key} is the store's internal key (0 before the first write);
 * {@code id} the opaque public id; {@code emailKey} the uniqueness key; {@code version} guards
 * updates. Field values are typed as {@link ContactStore} says; absent fields are not in the map.
 * {@code metrics} are kept by the store from events and never written through {@link ContactWrite}.
 */
public record ContactRecord(long key, String id, String email, String emailKey, OptInStatus status,
        Map<String, Object> fields, Set<String> tags, Set<String> lists, boolean monitored, Instant created,
        Instant updated, Instant deletedAt, long version, ContactMetrics metrics) {

    public ContactRecord {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        lists = lists == null ? Set.of() : Set.copyOf(lists);
        metrics = metrics == null ? ContactMetrics.NONE : metrics;
    }

    public ContactRecord(long key, String id, String email, String emailKey, OptInStatus status,
            Map<String, Object> fields, Set<String> tags, Set<String> lists, boolean monitored, Instant created,
            Instant updated, Instant deletedAt, long version) {
        this(key, id, email, emailKey, status, fields, tags, lists, monitored, created, updated, deletedAt, version,
                ContactMetrics.NONE);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
