package org.herald.contacts;

import java.util.Objects;

import org.herald.common.ValidationException;

/**
 * Filters for listing, counting and exporting contacts. Null filters match everything; deleted
 * contacts are left out unless {@code deleted} is true, which lists only the deleted ones.
 * {@code search} matches a substring of the e-mail address.
 * <p>
 * Build one with {@link #builder()} (or start from {@link #all()} and {@link #toBuilder()}): this
 * type grows (segment conditions are next), and a filter added later is simply a builder method
 * whose default matches everything. The public constructor is the 1.0 shape, kept for code built
 * against it; it never gains a parameter.
 */
public final class ContactQuery {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private final OptInStatus status;
    private final String list;
    private final String tag;
    private final String search;
    private final boolean deleted;
    private final int offset;
    private final int limit;

    /** The 1.0 shape; new code uses {@link #builder()}. */
    public ContactQuery(OptInStatus status, String list, String tag, String search, boolean deleted, int offset,
            int limit) {
        if (offset < 0) {
            throw new ValidationException("offset", String.valueOf(offset), "offset must be 0 or more");
        }
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new ValidationException("limit", String.valueOf(limit), "limit must be between 1 and " + MAX_LIMIT);
        }
        this.status = status;
        this.list = list;
        this.tag = tag;
        this.search = search;
        this.deleted = deleted;
        this.offset = offset;
        this.limit = limit;
    }

    /** Every contact that is not deleted, first page of {@link #DEFAULT_LIMIT}. */
    public static ContactQuery all() {
        return builder().build();
    }

    /** A query matching everything, first page of {@link #DEFAULT_LIMIT}, to narrow down. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this query's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().status(status).list(list).tag(tag).search(search).deleted(deleted).offset(offset)
                .limit(limit);
    }

    /** The same filters, another page. */
    public ContactQuery page(int newOffset, int newLimit) {
        return toBuilder().offset(newOffset).limit(newLimit).build();
    }

    public OptInStatus status() {
        return status;
    }

    public String list() {
        return list;
    }

    public String tag() {
        return tag;
    }

    public String search() {
        return search;
    }

    public boolean deleted() {
        return deleted;
    }

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactQuery q && status == q.status && Objects.equals(list, q.list)
                && Objects.equals(tag, q.tag) && Objects.equals(search, q.search) && deleted == q.deleted
                && offset == q.offset && limit == q.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, list, tag, search, deleted, offset, limit);
    }

    @Override
    public String toString() {
        return "ContactQuery[status=" + status + ", list=" + list + ", tag=" + tag + ", search=" + search
                + ", deleted=" + deleted + ", offset=" + offset + ", limit=" + limit + "]";
    }

    /** Builds a {@link ContactQuery}; unset filters match everything. Not thread-safe. */
    public static final class Builder {
        private OptInStatus status;
        private String list;
        private String tag;
        private String search;
        private boolean deleted;
        private int offset;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        /** Only contacts with this opt-in status (null: any). */
        public Builder status(OptInStatus value) {
            this.status = value;
            return this;
        }

        /** Only members of this list (null: any). */
        public Builder list(String value) {
            this.list = value;
            return this;
        }

        /** Only contacts with this tag (null: any). */
        public Builder tag(String value) {
            this.tag = value;
            return this;
        }

        /** Only addresses containing this text (null: any). */
        public Builder search(String value) {
            this.search = value;
            return this;
        }

        /** Only the soft-deleted contacts instead of the live ones. */
        public Builder deleted(boolean value) {
            this.deleted = value;
            return this;
        }

        public Builder offset(int value) {
            this.offset = value;
            return this;
        }

        /** Page size, 1 to {@link #MAX_LIMIT}. */
        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        /** @throws ValidationException if the offset is negative or the limit out of range */
        public ContactQuery build() {
            return new ContactQuery(status, list, tag, search, deleted, offset, limit);
        }
    }
}
