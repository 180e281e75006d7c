package org.herald.shell.completers;

import org.apache.karaf.shell.api.console.CommandLine;

/** Helpers for completers, shared by every command bundle. */
public final class Completers {

    private Completers() {
    }

    /** The part of the current argument left of the cursor. */
    public static String typed(CommandLine commandLine) {
        String arg = commandLine.getCursorArgument();
        if (arg == null) {
            return "";
        }
        int pos = Math.max(0, Math.min(commandLine.getArgumentPosition(), arg.length()));
        return arg.substring(0, pos);
    }
}
