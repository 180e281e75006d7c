package org.herald.shell.internal.completers;

import org.apache.karaf.shell.api.console.CommandLine;

/** Helpers shared by the completers. */
final class Completers {

    private Completers() {
    }

    /** The part of the current argument left of the cursor. */
    static String typed(CommandLine commandLine) {
        String arg = commandLine.getCursorArgument();
        if (arg == null) {
            return "";
        }
        int pos = Math.max(0, Math.min(commandLine.getArgumentPosition(), arg.length()));
        return arg.substring(0, pos);
    }
}
