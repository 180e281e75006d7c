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
 * {@code metrics} are the read-only system values (score, stage, e-commerce figures).
 * <p>
 * This record grows by appending components; the constructor of every earlier shape stays, so
 * code built against an earlier version keeps working.
 */
public record Contact(String id, String email, OptInStatus status, Map<String, Object> fields, Set<String> tags,
        Set<String> lists, boolean monitored, Instant created, Instant updated, Instant deletedAt,
        ContactMetrics metrics) {

    public Contact {
        fields = Map.copyOf(fields);
        tags = Set.copyOf(tags);
        lists = Set.copyOf(lists);
        metrics = metrics == null ? ContactMetrics.NONE : metrics;
    }

    /** The shape of version 1.0, without metrics. */
    public Contact(String id, String email, OptInStatus status, Map<String, Object> fields, Set<String> tags,
            Set<String> lists, boolean monitored, Instant created, Instant updated, Instant deletedAt) {
        this(id, email, status, fields, tags, lists, monitored, created, updated, deletedAt, ContactMetrics.NONE);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }
}
