package org.herald.bounces.internal.rules;

import java.util.ArrayList;
import java.util.List;

import org.herald.bounce.spi.BounceRule;

/** Herald's own rules with the ranking each is offered messages at (see {@link BounceRule}). */
public final class BuiltinRules {

    /** A rule and its ranking. */
    public record Ranked(BounceRule rule, int ranking) {
    }

    private BuiltinRules() {
    }

    public static List<Ranked> all() {
        List<Ranked> out = new ArrayList<>();
        out.add(new Ranked(new FeedbackReportRule(), BounceRule.RANKING_STANDARD + 100));
        out.add(new Ranked(new ProviderNotificationRule(), BounceRule.RANKING_STANDARD + 50));
        out.add(new Ranked(new DeliveryStatusRule(), BounceRule.RANKING_STANDARD));
        out.add(new Ranked(new ComplaintMailRule(), BounceRule.RANKING_DIALECT + 100));
        int r = BounceRule.RANKING_DIALECT + 50;
        for (TextBounceRule d : Dialects.all()) {
            out.add(new Ranked(d, r--));
        }
        out.add(new Ranked(new FailedRecipientsRule(), BounceRule.RANKING_FALLBACK + 200));
        out.add(new Ranked(new AutoReplyRule(), BounceRule.RANKING_FALLBACK + 100));
        out.add(new Ranked(TextBounceRule.generic(), BounceRule.RANKING_FALLBACK));
        return out;
    }
}
