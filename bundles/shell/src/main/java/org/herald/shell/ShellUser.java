package org.herald.shell;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.ShellUtil;

/** Who is typing: the name recorded as the actor of console changes. */
public final class ShellUser {

    /** The actor when the shell has no authenticated user (e.g. a script run without a login). */
    public static final String FALLBACK = "console";

    private ShellUser() {
    }

    /**
     * The JAAS user the command runs as (Karaf runs each SSH and local console session as the
     * logged-in subject), else the session's {@code USER} variable, else {@value #FALLBACK}.
     */
    public static String current(Session session) {
        String user = null;
        try {
            user = ShellUtil.getCurrentUserName();
        } catch (RuntimeException | LinkageError e) {
            // Subject lookup unavailable (no JAAS on this thread): use the other sources.
            user = null;
        }
        if (isBlank(user) && session != null) {
            Object value = session.get("USER");
            user = value instanceof String s ? s : null;
        }
        return isBlank(user) ? FALLBACK : user.trim();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
