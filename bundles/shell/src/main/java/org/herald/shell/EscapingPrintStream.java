package org.herald.shell;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The output every {@code herald:} command prints to: the session's stream with control characters
 * made visible ({@link Formats#escapeControls}), so that no value a command prints, stored or typed,
 * can send the terminal an escape sequence (move the cursor, clear the screen, set the title). Line
 * breaks, carriage returns and tabs pass: commands print lines, and the progress line redraws itself
 * with a carriage return; values print through {@link Formats}, which escapes those too.
 */
final class EscapingPrintStream extends PrintStream {

    private final PrintStream out;
    private final PrintStream console;

    EscapingPrintStream(PrintStream out) {
        this(out, null);
    }

    /**
     * {@code console}: the session's own stream beneath {@code out}, flushed with it. A batch session
     * ({@code bin/client -b}, {@code bin/herald}: an SSH exec channel) writes through a stream that only
     * the session's console flushes; without it a command's progress reached the client when the
     * command ended.
     */
    EscapingPrintStream(PrintStream out, PrintStream console) {
        super(OutputStream.nullOutputStream());
        this.out = out;
        this.console = console == out ? null : console;
    }

    private static String clean(String s) {
        return Formats.escapeControls(s, false);
    }

    @Override
    public void print(String s) {
        out.print(clean(String.valueOf(s)));
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(boolean b) {
        out.print(b);
    }

    @Override
    public void print(int i) {
        out.print(i);
    }

    @Override
    public void print(long l) {
        out.print(l);
    }

    @Override
    public void print(float f) {
        out.print(f);
    }

    @Override
    public void print(double d) {
        out.print(d);
    }

    @Override
    public void println() {
        out.println();
    }

    @Override
    public void println(String s) {
        out.println(clean(String.valueOf(s)));
    }

    @Override
    public void println(Object o) {
        println(String.valueOf(o));
    }

    @Override
    public void println(char c) {
        println(String.valueOf(c));
    }

    @Override
    public void println(char[] s) {
        println(new String(s));
    }

    @Override
    public void println(boolean b) {
        out.println(b);
    }

    @Override
    public void println(int i) {
        out.println(i);
    }

    @Override
    public void println(long l) {
        out.println(l);
    }

    @Override
    public void println(float f) {
        out.println(f);
    }

    @Override
    public void println(double d) {
        out.println(d);
    }

    @Override
    public PrintStream printf(String format, Object... args) {
        return format(format, args);
    }

    @Override
    public PrintStream printf(Locale l, String format, Object... args) {
        return format(l, format, args);
    }

    @Override
    public PrintStream format(String format, Object... args) {
        print(String.format(format, args));
        return this;
    }

    @Override
    public PrintStream format(Locale l, String format, Object... args) {
        print(String.format(l, format, args));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq) {
        print(String.valueOf(csq));
        return this;
    }

    @Override
    public PrintStream append(CharSequence csq, int start, int end) {
        print(String.valueOf(csq == null ? "null" : csq).substring(start, end));
        return this;
    }

    @Override
    public PrintStream append(char c) {
        print(c);
        return this;
    }

    /** Raw bytes (a file's content piped through): ASCII control bytes other than line ends and tabs are escaped. */
    @Override
    public void write(byte[] buf, int off, int len) {
        int start = off;
        for (int i = off; i < off + len; i++) {
            int b = buf[i] & 0xff;
            if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' || b == 0x7f) {
                out.write(buf, start, i - start);
                byte[] shown = String.format("\\u%04x", b).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                out.write(shown, 0, shown.length);
                start = i + 1;
            }
        }
        out.write(buf, start, off + len - start);
    }

    @Override
    public void write(byte[] buf) {
        write(buf, 0, buf.length);
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void flush() {
        out.flush();
        if (console != null) {
            console.flush();
        }
    }

    /** The session's stream stays open: it is not this command's to close. */
    @Override
    public void close() {
        flush();
    }

    @Override
    public boolean checkError() {
        return out.checkError();
    }
}
