package org.herald.bounces.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.RuleOutcome;
import org.junit.jupiter.api.Test;

/** Contributed rules: ranking decides who sees a message first; records are completed; failures skipped. */
class RuleSpiTest {

    /** An enterprise relay that words failures its own way: "ZZ-NOBOX <address>". */
    static final class RelayRule implements BounceRule {
        @Override
        public String name() {
            return "acme-relay";
        }

        @Override
        public RuleOutcome apply(BounceMessage m) {
            if (!m.subject().startsWith("ACME relay report")) {
                return RuleOutcome.decline();
            }
            String text = m.text();
            int i = text.indexOf("ZZ-NOBOX ");
            String addr = text.substring(i + 9, text.indexOf('\n', i)).trim();
            // only the facts: the classifier completes reason and class from the code and words
            return RuleOutcome.records(List.of(BounceRecord.builder().recipient(addr)
                    .diagnostic("550 5.1.1 mailbox does not exist").build()));
        }
    }

    private static final byte[] RELAY_REPORT = ("From: relay@acme.test\nTo: news@sender.test\n"
            + "Subject: ACME relay report\n\nZZ-NOBOX Someone@Dest.test\n").getBytes();

    @Test
    void contributedRuleReadsItsDialectAndTheClassifierCompletesTheRecord() {
        try (Classifier c = new Classifier(1 << 20, 5000,
                () -> RuleSet.of(List.of(new RuleSet.Entry(new RelayRule(), 0, 1))))) {
            List<BounceRecord> r = c.classify(RELAY_REPORT);
            assertThat(r).singleElement().satisfies(x -> {
                assertThat(x.recipient()).isEqualTo("someone@dest.test");
                assertThat(x.status()).isEqualTo("5.1.1");
                assertThat(x.replyCode()).isEqualTo(550);
                assertThat(x.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
                assertThat(x.bounceClass()).isEqualTo(BounceClass.HARD);
            });
        }
    }

    @Test
    void withoutTheRuleTheSameMessageIsOrdinaryMail() {
        try (Classifier c = new Classifier(1 << 20, 5000, RuleSet::builtin)) {
            assertThat(c.classify(RELAY_REPORT)).isEmpty();
        }
    }

    @Test
    void higherRankedRuleOverridesTheBuiltInReading() {
        BounceRule overriding = new BounceRule() {
            @Override
            public String name() {
                return "treat-all-as-soft";
            }

            @Override
            public RuleOutcome apply(BounceMessage m) {
                return m.deliveryStatus().isPresent()
                        ? RuleOutcome.records(List.of(BounceRecord.builder().recipient("gone@dest.test")
                                .reason(BounceReason.SYSTEM_ERROR).bounceClass(BounceClass.SOFT).build()))
                        : RuleOutcome.decline();
            }
        };
        byte[] dsn = Samples.read("rfc3464/dsn-two-recipients.eml");
        try (Classifier low = new Classifier(1 << 20, 5000,
                () -> RuleSet.of(List.of(new RuleSet.Entry(overriding, 0, 1))));
                Classifier high = new Classifier(1 << 20, 5000,
                        () -> RuleSet.of(List.of(new RuleSet.Entry(overriding, BounceRule.RANKING_STANDARD + 1000, 1))))) {
            assertThat(low.classify(dsn)).first().extracting(BounceRecord::bounceClass).isEqualTo(BounceClass.HARD);
            assertThat(high.classify(dsn)).singleElement().extracting(BounceRecord::bounceClass).isEqualTo(BounceClass.SOFT);
        }
    }

    @Test
    void aFailingRuleIsSkipped() {
        BounceRule broken = new BounceRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public RuleOutcome apply(BounceMessage m) {
                throw new IllegalStateException("boom");
            }
        };
        try (Classifier c = new Classifier(1 << 20, 5000,
                () -> RuleSet.of(List.of(new RuleSet.Entry(broken, 99_999, 1))))) {
            assertThat(c.classify(Samples.read("rfc3464/dsn-two-recipients.eml"))).hasSize(2);
        }
    }

    @Test
    void notAReportStopsLaterRules() {
        BounceRule newsletterDigest = new BounceRule() {
            @Override
            public String name() {
                return "digest";
            }

            @Override
            public RuleOutcome apply(BounceMessage m) {
                return RuleOutcome.notAReport();
            }
        };
        try (Classifier c = new Classifier(1 << 20, 5000,
                () -> RuleSet.of(List.of(new RuleSet.Entry(newsletterDigest, 99_999, 1))))) {
            assertThat(c.classify(Samples.read("mta/qmail.eml"))).isEmpty();
        }
    }
}
