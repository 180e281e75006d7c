package org.herald.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.common.ValidationException;
import org.junit.jupiter.api.Test;

/** No value a command prints can act on the admin's terminal. */
class ConsoleEscapingTest {

    private static final String CLEAR_SCREEN = "\u001b[2J\u001b[H";
    private static final String TITLE = "\u001b]0;owned\u0007";

    @Test
    void storedValuesAreShownWithTheirControlCharactersEscaped() {
        assertThat(Formats.value("Tartu" + CLEAR_SCREEN)).isEqualTo("Tartu\\u001b[2J\\u001b[H");
        assertThat(Formats.value("two\r\nlines\tand a tab")).isEqualTo("two\\r\\nlines\\tand a tab");
        assertThat(Formats.value("C1 \u009b31m and bidi \u202egnp.exe")).isEqualTo("C1 \\u009b31m and bidi \\u202egnp.exe");
        assertThat(Formats.value(List.of("a\u001b", "b"))).isEqualTo("a\\u001b, b");
        assertThat(Formats.names(List.of("x\u0007"))).isEqualTo("x\\u0007");
        assertThat(Formats.languageMap(Map.of("en", "News" + TITLE))).isEqualTo("en=News\\u001b]0;owned\\u0007");
        assertThat(Formats.value("plain jos\u00e9 text")).isEqualTo("plain jos\u00e9 text");
    }

    @Test
    void everythingACommandPrintsGoesThroughTheEscapingStream() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream original = System.out;
        HeraldAction action = new HeraldAction() {
            @Override
            protected void run(PrintStream out) {
                out.println("a" + CLEAR_SCREEN);
                out.print("b" + TITLE);
                out.printf("%s%n", "c\u009b2J");
                out.append("d\u001b");
                out.println((Object) "e\u001bc");
                out.print('\u001b');
                out.write("f\u001b[31m".getBytes(StandardCharsets.UTF_8), 0, 6);
                ShellTable table = new ShellTable();
                table.column("note");
                table.addRow().addContent("g" + CLEAR_SCREEN);
                table.print(out, true);
                out.print("\rprogress line 1\tdone\n");
            }
        };
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.execute();
        } finally {
            System.setOut(original);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u009b").doesNotContain("\u0007");
        assertThat(printed).contains("a\\u001b[2J\\u001b[H").contains("b\\u001b]0;owned\\u0007").contains("c\\u009b2J")
                .contains("d\\u001b").contains("e\\u001bc").contains("f\\u001b[31m").contains("g\\u001b[2J")
                // the command's own line ends, carriage return and tab are kept
                .contains("\rprogress line 1\tdone\n");
    }

    @Test
    void anErrorMessageQuotingTheInputIsEscapedToo() {
        HeraldAction action = new HeraldAction() {
            @Override
            protected void run(PrintStream out) {
                throw new ValidationException("city", "x", "field 'city': 'x" + CLEAR_SCREEN + "' is wrong");
            }
        };
        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class, e -> {
            assertThat(e.getNiceHelp()).isEqualTo("Error: field 'city': 'x\\u001b[2J\\u001b[H' is wrong");
            assertThat(e.getMessage()).doesNotContain("\u001b");
        });
    }
}
