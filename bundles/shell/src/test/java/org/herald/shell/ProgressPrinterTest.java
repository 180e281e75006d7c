package org.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.herald.contacts.ImportReport;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final AtomicLong bytesRead = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();

    private ProgressPrinter printer(boolean interactive) {
        return new ProgressPrinter(out, 1000, bytesRead::get, interactive, 5, clock::get, 10_000);
    }

    private String output() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    @Test
    void batchModePrintsOneLinePerFivePercentStep() {
        ProgressPrinter p = printer(false);
        // A batch every 2% of the file: 49 callbacks below 100%, then the last at 100%.
        for (int i = 1; i <= 50; i++) {
            bytesRead.set(i * 20L);
            p.onProgress(i * 100L, report(i * 100L));
        }
        p.finish();

        List<String> lines = output().lines().toList();
        assertThat(lines).hasSize(19).allMatch(l -> l.startsWith("Progress: "));
        assertThat(lines.get(0)).isEqualTo("Progress: 6% (300 rows) created=300 updated=0 unchanged=0 rejected=0");
        assertThat(lines.get(18)).startsWith("Progress: 96% ");
        assertThat(output()).doesNotContain("\r").doesNotContain("100%");
    }

    @Test
    void aFileReadInOneBatchPrintsNothing() {
        ProgressPrinter p = printer(false);
        bytesRead.set(1000);
        p.onProgress(10, report(10));
        p.finish();

        assertThat(output()).isEmpty();
    }

    @Test
    void interactiveTerminalRewritesOneLineAndEndsItOnFinish() {
        ProgressPrinter p = printer(true);
        bytesRead.set(500);
        p.onProgress(5000, report(5000));
        bytesRead.set(750);
        p.onProgress(7500, report(7500));
        p.finish();

        String text = output();
        assertThat(text).startsWith("\rProgress: 50% (5000 rows)").contains("\rProgress: 75% (7500 rows)").endsWith(
                System.lineSeparator());
        assertThat(text.chars().filter(ch -> ch == '\n').count()).isEqualTo(1);
    }

    @Test
    void finishWithoutProgressPrintsNothing() {
        ProgressPrinter p = printer(true);
        p.finish();

        assertThat(output()).isEmpty();
    }

    @Test
    void heartbeatShowsRowsWhenThePercentageCannotMove() {
        ProgressPrinter p = printer(false);
        bytesRead.set(1000); // the importer read ahead to the end of the file
        p.onProgress(1000, report(1000));
        clock.set(10_000);
        p.onProgress(2000, report(2000));
        clock.set(15_000);
        p.onProgress(3000, report(3000));

        assertThat(output().lines().toList())
                .containsExactly("Progress: 2000 rows created=2000 updated=0 unchanged=0 rejected=0");
    }

    @Test
    void jumpingSeveralStepsAtOncePrintsOneLine() {
        ProgressPrinter p = printer(false);
        bytesRead.set(230);
        p.onProgress(23, report(23));
        bytesRead.set(240);
        p.onProgress(24, report(24));
        bytesRead.set(250);
        p.onProgress(25, report(25));

        assertThat(output().lines().toList()).hasSize(2);
        assertThat(output()).contains("Progress: 23%").contains("Progress: 25%").doesNotContain("24%");
    }

    private static ImportReport report(long created) {
        return new ImportReport(created, 0, 0, 0, List.of());
    }
}
