package org.herald.contacts.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;

import org.herald.contacts.ImportReport;
import org.herald.contacts.ImportReport.RowError;
import org.junit.jupiter.api.Test;

class ImportReportsTest {

    @Test
    void reportEndsWithTheSummaryLine() {
        ImportReport report = new ImportReport(3, 2, 1, 1, List.of(new RowError(4, "email 'x' is not an address")));

        List<String> lines = print(report, null);

        assertThat(lines).containsExactly("Rejected rows:", "  row 4: email 'x' is not an address",
                "Import finished: created=3 updated=2 unchanged=1 rejected=1");
    }

    @Test
    void cleanImportPrintsOnlyTheSummary() {
        assertThat(print(new ImportReport(5, 0, 0, 0, List.of()), null))
                .containsExactly("Import finished: created=5 updated=0 unchanged=0 rejected=0");
    }

    @Test
    void printedRowsAreCappedAndSayWhereTheRestAre() {
        List<RowError> errors = LongStream.rangeClosed(2, 251).mapToObj(r -> new RowError(r, "bad age")).toList();
        ImportReport report = new ImportReport(0, 0, 0, 250, errors);

        List<String> lines = print(report, null);

        assertThat(lines.stream().filter(l -> l.startsWith("  row "))).hasSize(ImportReports.PRINTED_ERRORS);
        assertThat(lines.get(ImportReports.PRINTED_ERRORS)).isEqualTo("  row 101: bad age");
        assertThat(lines.get(ImportReports.PRINTED_ERRORS + 1)).startsWith("  … and 150 more: run the import again with --errors FILE");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Import finished: created=0 updated=0 unchanged=0 rejected=250");
    }

    @Test
    void withAnErrorsFileTheReportPointsToIt() {
        List<RowError> errors = LongStream.rangeClosed(2, 102).mapToObj(r -> new RowError(r, "bad")).toList();

        List<String> lines = print(new ImportReport(0, 0, 0, 101, errors), "/tmp/errors.csv");

        assertThat(lines).contains("  … and 1 more in /tmp/errors.csv", "Rejected rows written to /tmp/errors.csv");
    }

    @Test
    void errorsFileSaysWhenTheReportKeptOnlyTheFirstRows() {
        List<String> lines = print(new ImportReport(0, 0, 0, 20_000, List.of(new RowError(2, "bad"))), "e.csv");

        assertThat(lines).contains("Rejected rows written to e.csv (the first 1 of 20000)");
    }

    @Test
    void errorsCsvQuotesReasonsThatNeedIt() throws Exception {
        StringWriter out = new StringWriter();
        ImportReports.writeCsv(out, List.of(new RowError(2, "plain"), new RowError(3, "age 'x, y' is not a \"number\""),
                new RowError(4, "two\nlines")));

        assertThat(out.toString()).isEqualTo("row,reason\r\n2,plain\r\n3,\"age 'x, y' is not a \"\"number\"\"\"\r\n"
                + "4,\"two\nlines\"\r\n");
    }

    private static List<String> print(ImportReport report, String errorsFile) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ImportReports.print(new PrintStream(buffer, true, StandardCharsets.UTF_8), report, errorsFile);
        return buffer.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
