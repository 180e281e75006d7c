package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.herald.bounce.BounceReason;
import org.junit.jupiter.api.Test;

/** The literal prefilter of the phrase table never changes an answer, only its cost (over the samples written for Herald). */
class PhraseIndexTest {

    @Test
    void requiredLiteralIsWhatEveryMatchContains() {
        assertThat(PhraseIndex.requiredLiteral("mailbox (size )?exceeds")).isEqualTo("mailbox ");
        assertThat(PhraseIndex.requiredLiteral("over ?quota")).isEqualTo("quota");
        assertThat(PhraseIndex.requiredLiteral("\\bspf\\b")).isEqualTo("spf");
        assertThat(PhraseIndex.requiredLiteral("5\\.4\\.1 .{0,80}recipient address rejected")).isEqualTo("recipient address rejected");
        assertThat(PhraseIndex.requiredLiteral("(?<!may )(does not|doesn't) exist")).isEqualTo(" exist");
        assertThat(PhraseIndex.requiredLiteral("a|b")).isNull();
        assertThat(PhraseIndex.requiredLiteral("user(.s)? (mailbox|inbox) (is )?full")).isEqualTo("user");
    }

    @Test
    void indexAnswersLikeRunningEveryAlternative() {
        PhraseIndex idx = new PhraseIndex(Pattern.CASE_INSENSITIVE);
        idx.add("user (is )?unknown", "no such user");
        idx.add("quota", "mailbox.{0,20}full");
        idx.add("\\bx\\b");
        idx.build();
        assertThat(idx.first("550 No Such User here")).isEqualTo(0);
        assertThat(idx.first("552 mailbox is full")).isEqualTo(1);
        assertThat(idx.first("code x here")).isEqualTo(2);
        assertThat(idx.first("nothing to see")).isEqualTo(-1);
    }

    @Test
    void reasonTableGivesTheSameAnswersWithAndWithoutTheIndex() {
        List<String> texts = new ArrayList<>(List.of("550 5.1.1 user unknown", "mailbox full", "容量オーバー",
                "the recipient's mailbox is over quota", "blocked using spamhaus", ""));
        for (Path p : Samples.all()) {
            String all = read(p);
            for (String line : all.split("\\r?\\n")) {
                texts.add(Text.norm(line));
            }
            String n = Text.norm(all);
            // overlapping windows, so phrases broken over lines and the 1200-character cut are compared too
            for (int i = 0; i < n.length(); i += 150) {
                texts.add(n.substring(i, Math.min(n.length(), i + 1200)));
            }
        }
        Set<BounceReason> seen = EnumSet.noneOf(BounceReason.class);
        for (String t : texts) {
            BounceReason expected = t.isBlank() ? null : Reasons.matchWithoutIndex(t);
            assertThat(Reasons.fromText(t)).as("reason of \"%s\"", t).isEqualTo(expected);
            if (expected != null) {
                seen.add(expected);
            }
        }
        // the comparison means something only if the texts reach many entries of the table
        assertThat(seen).as("reasons the samples' texts give").hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void splitAlternativesWithPrefilterAnswerLikeTheWholeExpression() {
        String[] regexes = {
            "this message was created automatically by mail delivery software|the following address(?:\\(es\\)|es)? failed",
            "unable to deliver (?:your )?message to the following address|^remote host said:",
            "-{3,} ?the following addresses had (?:permanent fatal errors|transient non-fatal errors)|^the original message was received at",
            "your message (?:to .{1,200} )?couldn't be delivered|remote server returned '|the following recipient\\(s\\) could not be reached"};
        assertThat(PhraseIndex.alternatives("a(b|c)|[|]d|e\\|f")).containsExactly("a(b|c)", "[|]d", "e\\|f");
        int flags = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;
        PhraseIndex idx = new PhraseIndex(flags);
        for (String r : regexes) {
            idx.add(PhraseIndex.alternatives(r));
        }
        idx.build();
        boolean[] matched = new boolean[regexes.length];
        for (Path p : Samples.all()) {
            String sample = read(p);
            // as written, and pushed past the 20000-character region by a long header block in front
            for (String text : List.of(sample, "X-Padding: y\n".repeat(1600) + sample)) {
                String region = text.length() > 20000 ? text.substring(0, 20000) : text;
                for (int e = 0; e < regexes.length; e++) {
                    boolean whole = Pattern.compile(regexes[e], flags).matcher(region).find();
                    assertThat(idx.matches(e, text, 20000)).as("%s in %s (%d chars)", regexes[e], p.getFileName(), text.length())
                            .isEqualTo(whole);
                    matched[e] |= whole;
                }
            }
        }
        for (int e = 0; e < regexes.length; e++) {
            assertThat(matched[e]).as("some sample matches %s", regexes[e]).isTrue();
        }
    }

    private static String read(Path p) {
        try {
            return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
