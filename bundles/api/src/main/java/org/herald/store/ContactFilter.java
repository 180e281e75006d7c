package org.herald.store;

import org.herald.contacts.OptInStatus;

/**
 * Filters of contact queries; null matches everything. {@code search} is a substring of the
 * e-mail address (case-insensitive). With {@code deleted} only soft-deleted contacts match,
 * otherwise only live ones.
 */
public record ContactFilter(OptInStatus status, String list, String tag, String search, boolean deleted) {

    public static ContactFilter live() {
        return new ContactFilter(null, null, null, null, false);
    }
}
