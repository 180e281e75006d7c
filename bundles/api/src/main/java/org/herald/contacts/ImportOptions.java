package org.herald.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Options of a CSV import: lists every imported contact joins, tags every contact gets, the
 * delimiter, whether values of existing contacts are overwritten (the default) or only blank
 * ones are filled, and for files exported from another tool: a column mapping, a preset of the
 * tool's format, whether columns nothing maps are ignored (and reported) instead of refused, and a
 * dry run that reports what the import would do without writing.
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
    private final Map<String, String> mapping;
    private final boolean ignoreUnmapped;
    private final String preset;
    private final boolean dryRun;

    /** The 1.0 shape; new code uses {@link #builder()} or {@link #defaults()}. */
    public ImportOptions(Set<String> lists, Set<String> tags, char delimiter, boolean overwrite) {
        this.lists = lists == null ? Set.of() : Set.copyOf(lists);
        this.tags = tags == null ? Set.of() : Set.copyOf(tags);
        this.delimiter = delimiter;
        this.overwrite = overwrite;
        this.mapping = Map.of();
        this.ignoreUnmapped = false;
        this.preset = null;
        this.dryRun = false;
    }

    private ImportOptions(Builder b) {
        this.lists = b.lists == null ? Set.of() : Set.copyOf(b.lists);
        this.tags = b.tags == null ? Set.of() : Set.copyOf(b.tags);
        this.delimiter = b.delimiter;
        this.overwrite = b.overwrite;
        this.mapping = Collections.unmodifiableMap(new LinkedHashMap<>(b.mapping));
        this.ignoreUnmapped = b.ignoreUnmapped;
        this.preset = b.preset;
        this.dryRun = b.dryRun;
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
        return new Builder().lists(lists).tags(tags).delimiter(delimiter).overwrite(overwrite).mapping(mapping)
                .ignoreUnmapped(ignoreUnmapped).preset(preset).dryRun(dryRun);
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

    /**
     * Column mapping, file column (as its header names it, compared ignoring case and surrounding
     * space) to what it fills: {@code email}, {@code status}, {@code tags}, {@code lists},
     * {@code monitored}, a custom field's name, or {@code -} to leave the column out. Empty: none.
     * @since 1.3
     */
    public Map<String, String> mapping() {
        return mapping;
    }

    /**
     * True: columns that neither the header names, the mapping nor the preset give a meaning are
     * left out and listed in the report ({@link ImportReport#ignoredColumns()}); false (the
     * default): the import is refused and names them.
     * @since 1.3
     */
    public boolean ignoreUnmapped() {
        return ignoreUnmapped;
    }

    /**
     * The format of another tool's export the file is in ({@code mailchimp}, {@code mautic},
     * {@code listmonk}, {@code brevo}), or null for Herald's own columns.
     * @since 1.3
     */
    public String preset() {
        return preset;
    }

    /** True: read and check the whole file and report what would change, writing nothing. @since 1.3 */
    public boolean dryRun() {
        return dryRun;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportOptions other && lists.equals(other.lists) && tags.equals(other.tags)
                && delimiter == other.delimiter && overwrite == other.overwrite && mapping.equals(other.mapping)
                && ignoreUnmapped == other.ignoreUnmapped && Objects.equals(preset, other.preset) && dryRun == other.dryRun;
    }

    @Override
    public int hashCode() {
        return Objects.hash(lists, tags, delimiter, overwrite, mapping, ignoreUnmapped, preset, dryRun);
    }

    @Override
    public String toString() {
        return "ImportOptions[lists=" + lists + ", tags=" + tags + ", delimiter=" + delimiter + ", overwrite="
                + overwrite + ", mapping=" + mapping + ", ignoreUnmapped=" + ignoreUnmapped + ", preset=" + preset
                + ", dryRun=" + dryRun + "]";
    }

    /** Builds {@link ImportOptions}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private Set<String> lists = Set.of();
        private Set<String> tags = Set.of();
        private char delimiter = ',';
        private boolean overwrite = true;
        private final Map<String, String> mapping = new LinkedHashMap<>();
        private boolean ignoreUnmapped;
        private String preset;
        private boolean dryRun;

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

        /** Maps the file column {@code column} to {@code target} (see {@link ImportOptions#mapping()}). @since 1.3 */
        public Builder map(String column, String target) {
            this.mapping.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(target, "target"));
            return this;
        }

        /** Replaces the column mapping (null: none). @since 1.3 */
        public Builder mapping(Map<String, String> value) {
            this.mapping.clear();
            if (value != null) {
                value.forEach(this::map);
            }
            return this;
        }

        /** @since 1.3 */
        public Builder ignoreUnmapped(boolean value) {
            this.ignoreUnmapped = value;
            return this;
        }

        /** The other tool's export format (null: Herald's own columns). @since 1.3 */
        public Builder preset(String value) {
            this.preset = value == null || value.isBlank() ? null : value.strip().toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        /** @since 1.3 */
        public Builder dryRun(boolean value) {
            this.dryRun = value;
            return this;
        }

        public ImportOptions build() {
            return new ImportOptions(this);
        }
    }
}
