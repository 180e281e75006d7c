package org.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.NoSuchFileException;
import java.security.PrivilegedAction;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.support.CommandException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.ConsentSource;
import org.junit.jupiter.api.Test;

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
                .hasMessageStartingWith("no such file or directory: /data/contacts.csv (relative paths start at ");
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
    void relativePathsStartAtTheWorkingDirectory() {
        HeraldAction action = failing(null);

        assertThat(action.resolve("a/../b.csv")).isEqualTo(java.nio.file.Path.of("b.csv").toAbsolutePath());
        assertThat(action.resolve("/tmp/x.csv")).isEqualTo(java.nio.file.Path.of("/tmp/x.csv"));
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
