package org.herald.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a caller wants a contact to look like: used for upserts (keyed on {@code email}) and for
 * updates of an existing contact (where a non-null {@code email} changes the address).
 * <p>
 * Field values may be given as strings (console, CSV) or as JSON values (REST, queue); a
 * {@code null} value clears the field. {@code status} may be null (keep). Tags and lists are added;
 * {@code removeTags} and {@code unsubscribeLists} are removed. Unknown field names are an error.
 */
public record ContactInput(String email, OptInStatus status, Map<String, Object> fields, Set<String> tags,
        Set<String> removeTags, Set<String> lists, Set<String> unsubscribeLists, Boolean monitored) {

    public ContactInput {
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        removeTags = removeTags == null ? Set.of() : Set.copyOf(removeTags);
        lists = lists == null ? Set.of() : Set.copyOf(lists);
        unsubscribeLists = unsubscribeLists == null ? Set.of() : Set.copyOf(unsubscribeLists);
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
