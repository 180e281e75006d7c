package org.herald.contacts.shell.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.List;

import org.herald.contacts.ImportReport;
import org.herald.contacts.ImportReport.RowError;

/** Console and CSV renderings of an {@link ImportReport}. */
public final class ImportReports {

    /** How many rejected rows are printed on the console; the rest go to {@code --errors FILE}. */
    public static final int PRINTED_ERRORS = 100;

    private ImportReports() {
    }

    /**
     * Prints the rejected rows ({@code row N: reason}, at most {@link #PRINTED_ERRORS}), where the
     * full list is, and last the summary line
     * {@code Import finished: created=N updated=N unchanged=N rejected=N}.
     *
     * @param errorsFile where all rejected rows were written, or {@code null} if nowhere
     */
    public static void print(PrintStream out, ImportReport report, String errorsFile) {
        if (!report.columns().isEmpty()) {
            out.println("Columns:");
            report.columns().forEach((column, target) -> out.println("  " + column + " -> " + target));
        }
        if (!report.ignoredColumns().isEmpty()) {
            out.println("Left out:");
            report.ignoredColumns().forEach(c -> out.println("  " + c));
        }
        List<RowError> errors = report.errors();
        if (!errors.isEmpty()) {
            out.println("Rejected rows:");
            int shown = Math.min(PRINTED_ERRORS, errors.size());
            for (int i = 0; i < shown; i++) {
                out.println("  " + line(errors.get(i)));
            }
            long more = report.rejected() - shown;
            if (more > 0) {
                out.println("  … and " + more + " more"
                        + (errorsFile == null
                                ? ": run the import again with --errors FILE to get them all as CSV"
                                        + " (importing the same file again changes nothing)"
                                : " in " + errorsFile));
            }
        }
        if (errorsFile != null) {
            out.println("Rejected rows written to " + errorsFile
                    + (report.rejected() > errors.size()
                            ? " (the first " + errors.size() + " of " + report.rejected() + ")"
                            : ""));
        }
        out.println(summary(report));
    }

    /** {@code row N: reason}. */
    public static String line(RowError error) {
        return "row " + error.row() + ": " + error.reason();
    }

    /** {@code Import finished: created=N updated=N unchanged=N rejected=N} ({@code Dry run finished: …} for a dry run). */
    public static String summary(ImportReport report) {
        return (report.dryRun() ? "Dry run finished: " : "Import finished: ") + "created=" + report.created() + " updated=" + report.updated() + " unchanged="
                + report.unchanged() + " rejected=" + report.rejected();
    }

    /** Writes the rejected rows as CSV with the header {@code row,reason} (RFC 4180 quoting, CRLF). */
    public static void writeCsv(Writer out, List<RowError> errors) throws IOException {
        out.write("row,reason\r\n");
        for (RowError e : errors) {
            out.write(Long.toString(e.row()));
            out.write(',');
            out.write(csvField(e.reason()));
            out.write("\r\n");
        }
        out.flush();
    }

    /** A CSV field, quoted when it holds a comma, quote, CR or LF (quotes doubled). */
    public static String csvField(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
