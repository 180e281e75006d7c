package org.herald.contacts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of an import: counts, and for every rejected row its number (1 = first data row
 * after the header... see {@link RowError#row()}) and the reason, naming column and value.
 * {@code errors} holds at most {@link #MAX_ERRORS} entries; {@code rejected} counts them all.
 * {@code columns} says what each column of the file became, in file order (header as written →
 * {@code email}, {@code status}, a field name…, or {@code -} for one left out); {@code ignoredColumns}
 * lists the columns left out with the reason; {@code dryRun} is true when nothing was written (the
 * counts then say what the import would do). The last three were added in 1.3.
 */
public record ImportReport(long created, long updated, long unchanged, long rejected, List<RowError> errors,
        Map<String, String> columns, List<String> ignoredColumns, boolean dryRun) {

    public static final int MAX_ERRORS = 10_000;

    public ImportReport {
        errors = List.copyOf(errors);
        columns = columns == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        ignoredColumns = ignoredColumns == null ? List.of() : List.copyOf(ignoredColumns);
    }

    /** The 1.0 shape: no column report, written. */
    public ImportReport(long created, long updated, long unchanged, long rejected, List<RowError> errors) {
        this(created, updated, unchanged, rejected, errors, Map.of(), List.of(), false);
    }

    public long total() {
        return created + updated + unchanged + rejected;
    }

    /**
     * A rejected row. {@code row} is the line's record number in the file counting the header as
     * row 1, so the first data row is row 2, as a spreadsheet shows it.
     */
    public record RowError(long row, String reason) {
    }
}
