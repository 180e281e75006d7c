package org.herald.contacts;

import java.util.Set;

/**
 * Options of a CSV import: lists every imported contact joins, tags every contact gets, the
 * delimiter, and whether values of existing contacts are overwritten (the default) or only blank
 * ones are filled.
 */
public record ImportOptions(Set<String> lists, Set<String> tags, char delimiter, boolean overwrite) {

    public ImportOptions {
        lists = lists == null ? Set.of() : Set.copyOf(lists);
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }

    public static ImportOptions defaults() {
        return new ImportOptions(Set.of(), Set.of(), ',', true);
    }

    public ImportOptions withLists(Set<String> value) {
        return new ImportOptions(value, tags, delimiter, overwrite);
    }
}
