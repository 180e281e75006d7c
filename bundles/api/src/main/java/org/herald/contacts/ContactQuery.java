package org.herald.contacts;

/**
 * Filters for listing, counting and exporting contacts. Null filters match everything; deleted
 * contacts are left out unless {@code deleted} is true, which lists only the deleted ones.
 * {@code search} matches a substring of the e-mail address.
 */
public record ContactQuery(OptInStatus status, String list, String tag, String search, boolean deleted, int offset,
        int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public ContactQuery {
        if (offset < 0) {
            throw new org.herald.common.ValidationException("offset", String.valueOf(offset), "offset must be 0 or more");
        }
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new org.herald.common.ValidationException("limit", String.valueOf(limit),
                    "limit must be between 1 and " + MAX_LIMIT);
        }
    }

    public static ContactQuery all() {
        return new ContactQuery(null, null, null, null, false, 0, DEFAULT_LIMIT);
    }

    public ContactQuery page(int newOffset, int newLimit) {
        return new ContactQuery(status, list, tag, search, deleted, newOffset, newLimit);
    }
}
