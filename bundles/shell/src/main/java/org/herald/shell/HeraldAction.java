package org.herald.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.herald.common.HeraldException;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;

/**
 * Base of every {@code herald:} command: runs the command body and turns the errors a user can fix
 * (a {@link HeraldException} from a service, a missing file) into a Karaf {@link CommandException}
 * whose text is {@code Error: <message>}. Karaf prints that text without a stack trace, logs it only
 * at debug level, and the command fails, so a batch run stops with a non-zero status. Anything else
 * is a bug and reaches Karaf unchanged (printed, and logged with its stack trace).
 * <p>
 * A command extends this class, declares its {@code @Argument}s, {@code @Option}s and
 * {@code @Reference}s, and implements {@link #run(PrintStream)}: parse the input with {@link Args},
 * call one service, print what happened with {@link Formats} or a {@code ShellTable}.
 */
public abstract class HeraldAction implements Action {

    @Reference(optional = true)
    protected Session session;

    /** Where file names start; optional so a command also runs (on the fallback) without it. */
    @Reference(optional = true)
    protected ImportFolder importFolder;

    @Override
    public final Object execute() throws Exception {
        try {
            // every command prints through the escaping stream: nothing it prints can act on the terminal;
            // a flush reaches the session's console, so a batch client sees progress as the work goes
            run(new EscapingPrintStream(System.out, console()));
            return null;
        } catch (HeraldException e) {
            throw error(e.getMessage());
        } catch (IOException e) {
            throw ioError(e);
        } catch (UncheckedIOException e) {
            throw ioError(e.getCause());
        }
    }

    private PrintStream console() {
        try {
            return session == null ? null : session.getConsole();
        } catch (RuntimeException | AbstractMethodError e) {
            return null;
        }
    }

    private CommandException ioError(IOException e) {
        if (e instanceof NoSuchFileException nf) {
            return error("no such file or directory: " + nf.getFile() + " (file names start in the import folder "
                    + workingDirectory() + ")");
        }
        if (e instanceof AccessDeniedException ad) {
            return error("cannot access " + ad.getFile() + ": permission denied");
        }
        if (e instanceof CharacterCodingException) {
            return error("the file is not valid UTF-8 text: save it as UTF-8 and run the command again");
        }
        if (e.getCause() instanceof HeraldException he) {
            return error(he.getMessage());
        }
        return error(e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /**
     * The command body. {@code out} is the session's output (redirected by pipes), captured on the
     * command's thread so that callbacks running elsewhere still print to the user.
     */
    protected abstract void run(PrintStream out) throws Exception;

    /** The context recorded in the consent ledger for changes made by this command. */
    protected ChangeContext changeContext() {
        return ChangeContext.manage(ShellUser.current(session));
    }

    /**
     * A file named on the command line, inside the {@linkplain ImportFolder import folder}: a relative
     * name starts there, an absolute path must lie in it, and neither {@code ..} nor a symbolic link may
     * lead out of it. A path outside is refused with the folder's name, before anything is read or
     * written, so its content is never shown.
     */
    protected Path resolve(String path) {
        Path folder = workingDirectory();
        Path resolved = folder.resolve(path).normalize();
        if (!resolved.startsWith(folder) || !realPath(resolved).startsWith(realPath(folder))) {
            throw new ValidationException("file", path, "'" + path + "' is outside the import folder " + folder
                    + ": console commands read and write files only there (put the file in it and give its name)");
        }
        return resolved;
    }

    /** The folder file names start from: the import folder ({@code data/import/} by default). */
    protected Path workingDirectory() {
        ImportFolder folder = importFolder;
        return (folder != null ? folder.path() : ImportFolder.fallback()).toAbsolutePath().normalize();
    }

    /** The real path of the longest existing part of {@code path} (links followed), the rest appended. */
    private static Path realPath(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return path;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            return path;
        }
    }

    /** An error the user can fix: printed as {@code Error: <message>}, the command fails. */
    public static CommandException error(String message) {
        // messages quote input back: made harmless like every other output
        String shown = Formats.escapeControls(message, false);
        return new CommandException("Error: " + shown, shown);
    }
}
