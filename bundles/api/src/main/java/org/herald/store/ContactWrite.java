package org.herald.store;

import java.util.List;
import java.util.Objects;

import org.herald.contacts.ConsentEntry;

/**
 * One contact to write: {@code before} as read (null for a new contact) and {@code after} as it
 * must be stored; the store writes only the difference (row, tags, memberships). {@code consent}
 * entries are appended (their {@code id} and {@code contactId} are ignored), and so are
 * {@code events}, in the same transaction (their contact is the written one).
 */
public record ContactWrite(ContactRecord before, ContactRecord after, List<ConsentEntry> consent,
        List<EventWrite> events) {
    public ContactWrite {
        Objects.requireNonNull(after, "after");
        consent = consent == null ? List.of() : List.copyOf(consent);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public ContactWrite(ContactRecord before, ContactRecord after, List<ConsentEntry> consent) {
        this(before, after, consent, List.of());
    }

    public boolean isInsert() {
        return before == null;
    }
}
