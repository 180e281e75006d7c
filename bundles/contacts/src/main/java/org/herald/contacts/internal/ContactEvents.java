package org.herald.contacts.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.herald.contacts.ChangeContext;
import org.herald.contacts.OptInStatus;
import org.herald.events.EventTypes;
import org.herald.store.ContactRecord;
import org.herald.store.EventWrite;

/**
 * The events a change of a contact causes, computed from the state before and after, so every
 * channel (single upserts, updates, every import row) describes its changes alike. Pure.
 */
final class ContactEvents {

    private ContactEvents() {
    }

    /** The events of going from {@code before} (null: a new contact) to {@code after}. */
    static List<EventWrite> of(ContactRecord before, ContactRecord after, ChangeContext who, Instant now) {
        List<EventWrite> events = new ArrayList<>();
        if (before == null) {
            events.add(event(EventTypes.CREATED, who, now, Map.of("status", after.status().name())));
        } else if (!before.email().equals(after.email())) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("from", before.email());
            p.put("to", after.email());
            events.add(event(EventTypes.EMAIL_CHANGED, who, now, p));
        }
        OptInStatus from = before == null ? OptInStatus.UNKNOWN : before.status();
        if (after.status() != from) {
            String type = switch (after.status()) {
                case CONFIRMED -> EventTypes.SUBSCRIBED;
                case UNSUBSCRIBED -> EventTypes.UNSUBSCRIBED;
                default -> EventTypes.STATUS_CHANGED;
            };
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("from", from.name());
            p.put("to", after.status().name());
            events.add(event(type, who, now, p));
        }
        if (before != null) {
            for (String field : new TreeSet<>(union(before.fields(), after.fields()))) {
                Object was = before.fields().get(field);
                Object is = after.fields().get(field);
                if (!Objects.equals(was, is)) {
                    Map<String, Object> p = new LinkedHashMap<>();
                    p.put("field", field);
                    p.put("from", was == null ? null : FieldValues.toApi(was));
                    p.put("to", is == null ? null : FieldValues.toApi(is));
                    events.add(event(EventTypes.FIELD_CHANGED, who, now, p));
                }
            }
            if (before.monitored() != after.monitored()) {
                events.add(event(EventTypes.MONITORING_CHANGED, who, now, Map.of("monitored", after.monitored())));
            }
        }
        for (String tag : new TreeSet<>(after.tags())) {
            if (before == null || !before.tags().contains(tag)) {
                events.add(event(EventTypes.TAG_ADDED, who, now, Map.of("tag", tag)));
            }
        }
        if (before != null) {
            for (String tag : new TreeSet<>(before.tags())) {
                if (!after.tags().contains(tag)) {
                    events.add(event(EventTypes.TAG_REMOVED, who, now, Map.of("tag", tag)));
                }
            }
        }
        for (String list : new TreeSet<>(after.lists())) {
            if (before == null || !before.lists().contains(list)) {
                events.add(event(EventTypes.LIST_JOINED, who, now, Map.of("list", list)));
            }
        }
        if (before != null) {
            for (String list : new TreeSet<>(before.lists())) {
                if (!after.lists().contains(list)) {
                    events.add(event(EventTypes.LIST_LEFT, who, now, Map.of("list", list)));
                }
            }
        }
        return events;
    }

    private static java.util.Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        java.util.Set<String> keys = new java.util.HashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /** One event of Herald's own, for the contact being written. */
    static EventWrite event(String type, ChangeContext who, Instant now, Map<String, Object> properties) {
        return new EventWrite(UUID.randomUUID().toString(), false, 0, null, type, now, now, who.source().name(),
                who.actor(), properties == null ? new HashMap<>() : properties, null, null);
    }
}
