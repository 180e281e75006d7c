package org.herald.preferences;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.herald.campaigns.Frequency;

/**
 * What a subscriber saved on the preference page: the public lists it wants (every public list not
 * named is left), its frequency ({@code null}: no cap), whether it keeps "one message a week",
 * whether it unsubscribes from all marketing, and new values of its visible fields, as typed (an empty value clears the field).
 */
public final class PreferenceChange {

    private final Set<String> subscribedLists;
    private final Frequency frequency;
    private final boolean unsubscribeAll;
    private final boolean oneMessageWeekly;
    private final Map<String, String> fields;

    private PreferenceChange(Builder b) {
        this.subscribedLists = Set.copyOf(b.subscribedLists);
        this.frequency = b.frequency;
        this.unsubscribeAll = b.unsubscribeAll;
        this.oneMessageWeekly = b.oneMessageWeekly;
        this.fields = Map.copyOf(b.fields);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Set<String> subscribedLists() {
        return subscribedLists;
    }

    public Frequency frequency() {
        return frequency;
    }

    public boolean unsubscribeAll() {
        return unsubscribeAll;
    }

    /** Whether the contact keeps "at most one message a week" (chosen at unsubscribe). */
    public boolean oneMessageWeekly() {
        return oneMessageWeekly;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** Builds a {@link PreferenceChange}. Not thread-safe. */
    public static final class Builder {
        private final Set<String> subscribedLists = new LinkedHashSet<>();
        private Frequency frequency;
        private boolean unsubscribeAll;
        private boolean oneMessageWeekly;
        private final Map<String, String> fields = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder subscribe(String list) {
            subscribedLists.add(list);
            return this;
        }

        public Builder frequency(Frequency value) {
            this.frequency = value;
            return this;
        }

        public Builder unsubscribeAll(boolean value) {
            this.unsubscribeAll = value;
            return this;
        }

        public Builder oneMessageWeekly(boolean value) {
            this.oneMessageWeekly = value;
            return this;
        }

        public Builder field(String name, String value) {
            fields.put(name, value);
            return this;
        }

        public PreferenceChange build() {
            return new PreferenceChange(this);
        }
    }
}
