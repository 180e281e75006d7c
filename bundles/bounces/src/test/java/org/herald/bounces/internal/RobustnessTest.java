package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input never throws and never hangs: it gives one UNKNOWN record saying what was wrong. */
class RobustnessTest {

    /** A guard only: the assertions are on the results. */
    private static final Duration GUARD = Duration.ofSeconds(20);

    private static Classifier classifier;

    @BeforeAll
    static void start() {
        classifier = new Classifier(64 * 1024, 5000, RuleSet::builtin);
    }

    @AfterAll
    static void stop() {
        classifier.close();
    }

    private static BounceRecord single(byte[] input) {
        List<BounceRecord> r = assertTimeoutPreemptively(GUARD, () -> classifier.classify(input));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).bounceClass()).isEqualTo(BounceClass.UNKNOWN);
        assertThat(r.get(0).note()).isNotBlank();
        return r.get(0);
    }

    @Test
    void emptyAndNullInputAreUnknown() {
        assertThat(single(new byte[0]).note()).contains("empty");
        assertThat(single(null).note()).contains("empty");
    }

    @Test
    void binaryInputIsUnknown() {
        byte[] b = new byte[4096];
        new Random(7).nextBytes(b);
        assertThat(single(b).note()).contains("binary");
    }

    @Test
    void textThatIsNotAMessageIsUnknown() {
        byte[] b = "%PDF-1.7 garbage, no headers here\n\nstill nothing".getBytes(StandardCharsets.US_ASCII);
        assertThat(single(b).note()).contains("not an e-mail message");
    }

    @Test
    void oversizedInputIsUnknownWithoutParsing() {
        byte[] b = new byte[64 * 1024 + 1];
        Arrays.fill(b, (byte) 'a');
        assertThat(single(b).note()).contains("over the limit").contains("maxMessageBytes");
    }

    @Test
    void dsnCutBeforeItsStatusIsUnknownAndSaysTruncated() {
        BounceRecord r = single(Samples.read("rfc3464/truncated-dsn.eml"));
        assertThat(r.note()).contains("truncated").contains("names no failed recipient");
    }

    @Test
    void headerBlockWithoutEndIsUnknown() {
        byte[] full = Samples.read("rfc3464/dsn-two-recipients.eml");
        byte[] cut = Arrays.copyOf(full, 120);
        assertThat(single(cut).note()).containsAnyOf("truncated", "names no failed recipient");
    }

    @Test
    void hostileLongLinesAreClassifiedQuickly() {
        StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@x.test\nSubject: Undelivered Mail\n\n");
        sb.append("a".repeat(50_000)).append("@").append("b.".repeat(5_000)).append('\n');
        sb.append("<".repeat(5_000)).append(">".repeat(5_000));
        List<BounceRecord> r = assertTimeoutPreemptively(GUARD,
                () -> classifier.classify(sb.toString().getBytes(StandardCharsets.US_ASCII)));
        assertThat(r).isNotEmpty().allSatisfy(x -> assertThat(x.bounceClass()).isNotEqualTo(BounceClass.HARD));
    }

    @Test
    void hostileMessageIsAbandonedAtTheDeadlineOnTheCallingThread() {
        // thousands of distinct failed addresses: reading what the report says of each one grows
        // with addresses times lines, far beyond the deadline
        StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@relay.test\nSubject: Undelivered Mail\n\n");
        for (int i = 0; i < 12_000; i++) {
            sb.append("user").append(i).append("@dest").append(i % 97).append(".test: 550 no\n");
        }
        try (Classifier c = new Classifier(1 << 22, 150, RuleSet::builtin)) {
            long t0 = System.nanoTime();
            List<BounceRecord> r = assertTimeoutPreemptively(GUARD,
                    () -> c.classify(sb.toString().getBytes(StandardCharsets.US_ASCII)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r).singleElement().satisfies(x -> {
                assertThat(x.bounceClass()).isEqualTo(BounceClass.UNKNOWN);
                assertThat(x.note()).contains("timeoutMillis");
            });
            assertThat(ms).as("returned %d ms after the call with a 150 ms deadline", ms).isLessThan(1_500);
        }
    }

    @Test
    void aRuleThatHangsIsAbandonedAtTheDeadline() {
        org.herald.bounce.spi.BounceRule stuck = new org.herald.bounce.spi.BounceRule() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public org.herald.bounce.spi.RuleOutcome apply(org.herald.bounce.spi.BounceMessage m) {
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() < until && !Thread.currentThread().isInterrupted()) {
                    Thread.onSpinWait();
                }
                return org.herald.bounce.spi.RuleOutcome.decline();
            }
        };
        try (Classifier c = new Classifier(1 << 20, 200,
                () -> RuleSet.of(List.of(new RuleSet.Entry(stuck, 99_999, 1))))) {
            List<BounceRecord> r = assertTimeoutPreemptively(GUARD, () -> c.classify(Samples.read("mta/qmail.eml")));
            assertThat(r).singleElement().satisfies(x -> {
                assertThat(x.bounceClass()).isEqualTo(BounceClass.UNKNOWN);
                assertThat(x.note()).contains("timeoutMillis");
            });
        }
    }
}
