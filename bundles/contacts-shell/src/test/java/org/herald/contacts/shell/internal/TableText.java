package org.herald.contacts.shell.internal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.karaf.shell.support.table.ShellTable;

/** Renders a table as the console would, for assertions. */
public final class TableText {

    private TableText() {
    }

    public static String of(ShellTable table) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        table.print(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
