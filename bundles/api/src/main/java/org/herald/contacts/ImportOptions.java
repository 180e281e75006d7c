package org.herald.contacts;

import java.util.Objects;
import java.util.Set;

/**
 * Options of a CSV import: lists every imported contact joins, tags every contact gets, the
 * delimiter, and whether values of existing contacts are overwritten (the default) or only blank
 * ones are filled.
 * <p>
 * Start from {@link #defaults()} (or {@link #builder()}) and change what differs: an option added
 * later is a new builder method with a default that keeps today's behaviour. The public constructor
 * is the 1.0 shape, kept for code built against it; it never gains a parameter.
 */
public final class ImportOptions {

    private final Set<String> lists;
    private final Set<String> tags;
    private final char delimiter;
    private final boolean overwrite;

    /** The 1.0 shape; new code uses {@link #builder()} or {@link #defaults()}. */
    public ImportOptions(Set<String> lists, Set<String> tags, char delimiter, boolean overwrite) {
        this.lists = lists == null ? Set.of() : Set.copyOf(lists);
        this.tags = tags == null ? Set.of() : Set.copyOf(tags);
        this.delimiter = delimiter;
        this.overwrite = overwrite;
    }

    /** No lists, no tags, comma-separated, values of existing contacts overwritten. */
    public static ImportOptions defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options, to change some of them. */
    public Builder toBuilder() {
        return new Builder().lists(lists).tags(tags).delimiter(delimiter).overwrite(overwrite);
    }

    /** The same options, every imported contact joining these lists. */
    public ImportOptions withLists(Set<String> value) {
        return toBuilder().lists(value).build();
    }

    public Set<String> lists() {
        return lists;
    }

    public Set<String> tags() {
        return tags;
    }

    public char delimiter() {
        return delimiter;
    }

    public boolean overwrite() {
        return overwrite;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportOptions other && lists.equals(other.lists) && tags.equals(other.tags)
                && delimiter == other.delimiter && overwrite == other.overwrite;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lists, tags, delimiter, overwrite);
    }

    @Override
    public String toString() {
        return "ImportOptions[lists=" + lists + ", tags=" + tags + ", delimiter=" + delimiter + ", overwrite="
                + overwrite + "]";
    }

    /** Builds {@link ImportOptions}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private Set<String> lists = Set.of();
        private Set<String> tags = Set.of();
        private char delimiter = ',';
        private boolean overwrite = true;

        private Builder() {
        }

        /** Lists every imported contact joins (null: none). */
        public Builder lists(Set<String> value) {
            this.lists = value;
            return this;
        }

        /** Tags every imported contact gets (null: none). */
        public Builder tags(Set<String> value) {
            this.tags = value;
            return this;
        }

        public Builder delimiter(char value) {
            this.delimiter = value;
            return this;
        }

        /** False: existing contacts only get their blank values filled. */
        public Builder overwrite(boolean value) {
            this.overwrite = value;
            return this;
        }

        public ImportOptions build() {
            return new ImportOptions(lists, tags, delimiter, overwrite);
        }
    }
}
