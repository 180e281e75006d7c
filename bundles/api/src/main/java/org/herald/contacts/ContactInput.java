package org.herald.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a caller wants a contact to look like: used for upserts (keyed on {@code email}) and for
 * updates of an existing contact (where a non-null {@code email} changes the address).
 * <p>
 * Field values may be given as strings (console, CSV) or as JSON values (REST, queue); a
 * {@code null} value clears the field. {@code status} may be null (keep). Tags and lists are added;
 * {@code removeTags} and {@code unsubscribeLists} are removed. Unknown field names are an error.
 * <p>
 * Build one with {@link #builder(String)}: this type grows, and what is added later is a builder
 * method whose default changes nothing. The public constructor is the 1.0 shape, kept for code
 * built against it; it never gains a parameter.
 */
public final class ContactInput {

    private final String email;
    private final OptInStatus status;
    private final Map<String, Object> fields;
    private final Set<String> tags;
    private final Set<String> removeTags;
    private final Set<String> lists;
    private final Set<String> unsubscribeLists;
    private final Boolean monitored;

    /** The 1.0 shape; new code uses {@link #builder(String)}. */
    public ContactInput(String email, OptInStatus status, Map<String, Object> fields, Set<String> tags,
            Set<String> removeTags, Set<String> lists, Set<String> unsubscribeLists, Boolean monitored) {
        this.email = email;
        this.status = status;
        this.fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.tags = tags == null ? Set.of() : Set.copyOf(tags);
        this.removeTags = removeTags == null ? Set.of() : Set.copyOf(removeTags);
        this.lists = lists == null ? Set.of() : Set.copyOf(lists);
        this.unsubscribeLists = unsubscribeLists == null ? Set.of() : Set.copyOf(unsubscribeLists);
        this.monitored = monitored;
    }

    /** The address to upsert, or for an update the new address (null: keep). */
    public String email() {
        return email;
    }

    /** The opt-in status to set (null: keep). */
    public OptInStatus status() {
        return status;
    }

    /** Field values to set, in the order given; a null value clears the field. */
    public Map<String, Object> fields() {
        return fields;
    }

    public Set<String> tags() {
        return tags;
    }

    public Set<String> removeTags() {
        return removeTags;
    }

    public Set<String> lists() {
        return lists;
    }

    public Set<String> unsubscribeLists() {
        return unsubscribeLists;
    }

    /** Whether Herald records the contact's events (null: keep). */
    public Boolean monitored() {
        return monitored;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactInput c && Objects.equals(email, c.email) && status == c.status
                && fields.equals(c.fields) && tags.equals(c.tags) && removeTags.equals(c.removeTags)
                && lists.equals(c.lists) && unsubscribeLists.equals(c.unsubscribeLists)
                && Objects.equals(monitored, c.monitored);
    }

    @Override
    public int hashCode() {
        return Objects.hash(email, status, fields, tags, removeTags, lists, unsubscribeLists, monitored);
    }

    @Override
    public String toString() {
        // no address or values: inputs are logged on failures
        return "ContactInput[status=" + status + ", fields=" + fields.keySet() + ", tags=" + tags + ", removeTags="
                + removeTags + ", lists=" + lists + ", unsubscribeLists=" + unsubscribeLists + ", monitored="
                + monitored + "]";
    }

    public static Builder builder(String email) {
        return new Builder(email);
    }

    /** Fluent construction, mostly for code and tests. */
    public static final class Builder {
        private final String email;
        private OptInStatus status;
        private final Map<String, Object> fields = new LinkedHashMap<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private final Set<String> removeTags = new LinkedHashSet<>();
        private final Set<String> lists = new LinkedHashSet<>();
        private final Set<String> unsubscribeLists = new LinkedHashSet<>();
        private Boolean monitored;

        private Builder(String email) {
            this.email = email;
        }

        public Builder status(OptInStatus value) {
            this.status = value;
            return this;
        }

        public Builder field(String name, Object value) {
            fields.put(name, value);
            return this;
        }

        public Builder tag(String... names) {
            tags.addAll(java.util.List.of(names));
            return this;
        }

        public Builder untag(String... names) {
            removeTags.addAll(java.util.List.of(names));
            return this;
        }

        public Builder list(String... names) {
            lists.addAll(java.util.List.of(names));
            return this;
        }

        public Builder unsubscribe(String... names) {
            unsubscribeLists.addAll(java.util.List.of(names));
            return this;
        }

        public Builder monitored(Boolean value) {
            this.monitored = value;
            return this;
        }

        public ContactInput build() {
            return new ContactInput(email, status, fields, tags, removeTags, lists, unsubscribeLists, monitored);
        }
    }
}
