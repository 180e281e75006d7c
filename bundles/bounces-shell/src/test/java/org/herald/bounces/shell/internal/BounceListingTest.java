package org.herald.bounces.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.bounce.Bounce;
import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.QuarantinedBounce;
import org.herald.common.ValidationException;
import org.junit.jupiter.api.Test;

/** What the bounce listings print: remote text can never drive the operator's terminal. */
class BounceListingTest {

    private static final String HOSTILE = "550 \u001b[2J\u001b]0;pwned\u0007 user\r\nunknown \u202eevil \\x";

    @Test
    void remoteTextIsPrintedWithItsControlCharactersEscaped() {
        assertThat(Safe.text(HOSTILE)).isEqualTo("550 \\u001b[2J\\u001b]0;pwned\\u0007 user\\u000d\\u000aunknown"
                + " \\u202eevil \\\\x");
        assertThat(Safe.text("plain: 550 5.1.1 <ann@dest.test> user unknown")).isEqualTo(
                "plain: 550 5.1.1 <ann@dest.test> user unknown");
        assertThat(Safe.text(null)).isEmpty();
    }

    @Test
    void theBounceTableEscapesDiagnosticsAndRecipients() {
        ShellTable t = BounceListCommand.table();
        BounceListCommand.addRow(t, new Bounce(7, "k", Instant.parse("2026-11-02T08:00:00Z"), "imap:x", "a\u001b@dest.test",
                BounceClass.HARD, BounceReason.USER_UNKNOWN, "5.1.1", 550, HOSTILE, null, "c1", 1, 2, "token", "news.test",
                "INACTIVE"));
        String printed = print(t);
        assertThat(printed).doesNotContain("\u001b").doesNotContain("\u0007").doesNotContain("\u202e")
                .contains("HARD", "userunknown", "INACTIVE", "a\\u001b@dest.test");
    }

    @Test
    void theQuarantineTableEscapesReasons() {
        ShellTable t = BounceQuarantineCommand.table();
        BounceQuarantineCommand.addRow(t, new QuarantinedBounce(3, "k", Instant.parse("2026-11-02T08:00:00Z"), "pop3:x",
                "unreadable report: " + HOSTILE, 120));
        assertThat(print(t)).doesNotContain("\u001b").contains("unreadable report", "120");
    }

    @Test
    void anUnknownClassIsRefusedNamingTheValue() {
        assertThat(BounceListCommand.parseClass("hard")).isEqualTo(BounceClass.HARD);
        assertThat(BounceListCommand.parseClass(null)).isNull();
        assertThatThrownBy(() -> BounceListCommand.parseClass("bouncy")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'bouncy'");
    }

    private static String print(ShellTable t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
