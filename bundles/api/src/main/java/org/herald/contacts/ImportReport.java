package org.herald.contacts;

import java.util.List;

/**
 * The outcome of an import: counts, and for every rejected row its number (1 = first data row
 * after the header... see {@link RowError#row()}) and the reason, naming column and value.
 * {@code errors} holds at most {@link #MAX_ERRORS} entries; {@code rejected} counts them all.
 */
public record ImportReport(long created, long updated, long unchanged, long rejected, List<RowError> errors) {

    public static final int MAX_ERRORS = 10_000;

    public ImportReport {
        errors = List.copyOf(errors);
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
