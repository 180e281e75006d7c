package org.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.security.PrivilegedAction;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.support.CommandException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.ConsentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeraldActionTest {

    @Test
    void serviceErrorBecomesACommandErrorWithTheServiceMessage() {
        HeraldAction action = failing(new ValidationException("age", "x", "age 'x' is not a number"));

        assertThatThrownBy(action::execute)
                .isInstanceOf(CommandException.class)
                .hasMessage("age 'x' is not a number")
                .satisfies(e -> assertThat(((CommandException) e).getNiceHelp()).isEqualTo("Error: age 'x' is not a number"));
    }

    @Test
    void notFoundIsReportedTheSameWay() {
        assertThatThrownBy(failing(new NotFoundException("no contact 'bob@example.com'"))::execute)
                .isInstanceOf(CommandException.class)
                .satisfies(e -> assertThat(((CommandException) e).getNiceHelp())
                        .isEqualTo("Error: no contact 'bob@example.com'"));
    }

    @Test
    void missingFileNamesThePath() {
        assertThatThrownBy(failing(new NoSuchFileException("/data/contacts.csv"))::execute)
                .isInstanceOf(CommandException.class)
                .hasMessageStartingWith("no such file or directory: /data/contacts.csv (file names start in the import folder ");
    }

    @Test
    void badEncodingWrappedByTheCsvReaderIsStillAClearError() {
        assertThatThrownBy(failing(new UncheckedIOException(new MalformedInputException(1)))::execute)
                .isInstanceOf(CommandException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void bugsAreNotDisguisedAsInputErrors() {
        assertThatThrownBy(failing(new IllegalStateException("boom"))::execute)
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void changesAreRecordedAsManagedByTheJaasUser() {
        HeraldAction action = failing(null);
        Subject subject = new Subject(true, Set.of(new UserPrincipal("admin")), Set.of(), Set.of());

        String actor = Subject.doAs(subject, (PrivilegedAction<String>) () -> action.changeContext().actor());

        assertThat(actor).isEqualTo("admin");
        assertThat(action.changeContext().source()).isEqualTo(ConsentSource.MANAGE);
    }

    @Test
    void withoutAUserTheActorIsConsole() {
        assertThat(failing(null).changeContext().actor()).isEqualTo(ShellUser.FALLBACK);
    }

    @Test
    void fileNamesStartInTheImportFolder(@TempDir Path dir) throws Exception {
        HeraldAction action = inFolder(dir);

        assertThat(action.resolve("contacts.csv")).isEqualTo(dir.resolve("contacts.csv"));
        assertThat(action.resolve("shop/../b.csv")).isEqualTo(dir.resolve("b.csv"));
        assertThat(action.resolve(dir.resolve("x.csv").toString())).isEqualTo(dir.resolve("x.csv"));
        assertThat(action.resolve("new/export.csv")).isEqualTo(dir.resolve("new/export.csv"));
    }

    @Test
    void aPathOutsideTheImportFolderIsRefusedWithoutReadingIt(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("import"));
        Path secret = Files.writeString(dir.resolve("secret.txt"), "root:x:0:0:the secret line");
        Files.createSymbolicLink(folder.resolve("link.csv"), secret);
        Files.createSymbolicLink(folder.resolve("out"), dir);
        HeraldAction action = inFolder(folder);

        for (String path : List.of(secret.toString(), "../secret.txt", "link.csv", "out/secret.txt", "out/new.csv",
                "/etc/passwd")) {
            assertThatThrownBy(() -> action.resolve(path)).as(path)
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("outside the import folder " + folder)
                    .hasMessageNotContaining("the secret line");
        }
        // through a command: a clear error, no content
        HeraldAction reading = new HeraldAction() {
            @Override
            protected void run(PrintStream out) throws Exception {
                out.println(Files.readString(resolve("../secret.txt")));
            }
        };
        reading.importFolder = () -> folder;
        assertThatThrownBy(reading::execute).isInstanceOf(CommandException.class)
                .hasMessageContaining("outside the import folder").hasMessageNotContaining("the secret line");
    }

    private static HeraldAction inFolder(Path folder) {
        HeraldAction action = failing(null);
        action.importFolder = () -> folder;
        return action;
    }

    /**
     * A batch session writes through a stream only its console flushes (Karaf's SSH exec channel): a
     * command's flush must reach the console while the command runs, or a batch client sees every
     * progress line at the end.
     */
    @Test
    void aFlushReachesTheSessionsConsoleWhileTheCommandRuns() throws Exception {
        java.util.concurrent.atomic.AtomicInteger consoleFlushes = new java.util.concurrent.atomic.AtomicInteger();
        PrintStream console = new PrintStream(java.io.OutputStream.nullOutputStream()) {
            @Override
            public void flush() {
                consoleFlushes.incrementAndGet();
            }
        };
        int[] flushesSeenInRun = new int[1];
        HeraldAction action = new HeraldAction() {
            @Override
            protected void run(PrintStream out) {
                out.println("Progress: 5%");
                out.flush();
                flushesSeenInRun[0] = consoleFlushes.get();
            }
        };
        action.session = (org.apache.karaf.shell.api.console.Session) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] { org.apache.karaf.shell.api.console.Session.class },
                (proxy, method, args) -> "getConsole".equals(method.getName()) ? console : null);

        action.execute();

        assertThat(flushesSeenInRun[0]).as("console flushes while the command ran").isPositive();
    }

    private static HeraldAction failing(Exception e) {
        return new HeraldAction() {
            @Override
            protected void run(PrintStream out) throws Exception {
                if (e != null) {
                    throw e;
                }
            }
        };
    }
}
