package org.herald.shell;

import java.io.PrintStream;
import java.util.function.LongSupplier;

import org.herald.contacts.ImportProgress;
import org.herald.contacts.ImportReport;

/**
 * Shows how far a long import has got. The share done is estimated from the bytes of the file read
 * so far; a line is printed each time it passes another {@code step} percent. On an interactive
 * terminal the line is rewritten in place; otherwise (batch mode, pipes, logs) each step gets its
 * own line, so the output stays readable. Nothing is printed for reaching 100%: the report follows
 * at once, so a small file read in one batch prints no progress at all. When the percentage cannot
 * move (the importer read ahead to the end of the file), a line still appears every
 * {@code heartbeatMillis} so a long import never looks stuck.
 */
public final class ProgressPrinter implements ImportProgress {

    private final PrintStream out;
    private final long totalBytes;
    private final LongSupplier bytesRead;
    private final boolean interactive;
    private final int step;
    private final LongSupplier clockMillis;
    private final long heartbeatMillis;
    private long lastPrintedAt;
    private int nextPercent;
    private int lastLength;
    private boolean inPlace;

    /** Steps of 5% with a heartbeat every 10 seconds, on the wall clock. */
    public ProgressPrinter(PrintStream out, long totalBytes, LongSupplier bytesRead, boolean interactive) {
        this(out, totalBytes, bytesRead, interactive, 5, System::currentTimeMillis, 10_000);
    }

    public ProgressPrinter(PrintStream out, long totalBytes, LongSupplier bytesRead, boolean interactive, int step,
            LongSupplier clockMillis, long heartbeatMillis) {
        if (step < 1 || step > 50) {
            throw new IllegalArgumentException("step must be between 1 and 50: " + step);
        }
        this.out = out;
        this.totalBytes = totalBytes;
        this.bytesRead = bytesRead;
        this.interactive = interactive;
        this.step = step;
        this.nextPercent = step;
        this.clockMillis = clockMillis;
        this.heartbeatMillis = heartbeatMillis;
        this.lastPrintedAt = clockMillis.getAsLong();
    }

    @Override
    public synchronized void onProgress(long rowsRead, ImportReport soFar) {
        int percent = percent();
        long now = clockMillis.getAsLong();
        boolean stepReached = percent >= nextPercent && percent < 100;
        if (!stepReached && now - lastPrintedAt < heartbeatMillis) {
            return;
        }
        if (stepReached) {
            nextPercent = (percent / step + 1) * step;
        }
        lastPrintedAt = now;
        String line = line(percent < 100 ? percent : -1, rowsRead, soFar);
        if (interactive) {
            // Pad over a longer previous line; no newline until finish().
            int pad = Math.max(0, lastLength - line.length());
            out.print("\r" + line + " ".repeat(pad));
            lastLength = line.length();
            inPlace = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends an in-place progress line so that what follows starts on a fresh line. */
    public synchronized void finish() {
        if (inPlace) {
            out.println();
            out.flush();
            inPlace = false;
        }
    }

    /**
     * The line shown for a step, e.g. {@code Progress: 25% (12000 rows) created=… rejected=…}; a
     * negative {@code percent} (unknown) leaves the percentage out.
     */
    public static String line(int percent, long rowsRead, ImportReport soFar) {
        return "Progress: " + (percent >= 0 ? percent + "% (" + rowsRead + " rows)" : rowsRead + " rows")
                + " created=" + soFar.created() + " updated=" + soFar.updated() + " unchanged=" + soFar.unchanged()
                + " rejected=" + soFar.rejected();
    }

    private int percent() {
        if (totalBytes <= 0) {
            return 0;
        }
        long read = Math.min(bytesRead.getAsLong(), totalBytes);
        return (int) (read * 100 / totalBytes);
    }
}
