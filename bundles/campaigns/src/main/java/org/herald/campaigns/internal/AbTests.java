package org.herald.campaigns.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.herald.campaigns.AbMetric;
import org.herald.campaigns.AbTest;
import org.herald.campaigns.AbTestInfo;
import org.herald.campaigns.AbVariant;
import org.herald.campaigns.VariantFigures;
import org.herald.common.ValidationException;
import org.herald.json.HeraldJson;
import org.herald.store.CampaignStore.CampaignRecord;
import org.herald.store.MessageStore.VariantCount;
import org.herald.store.MessageStore.VariantPurchase;

/**
 * The rules of A/B tests: the definition (checked, stored as JSON on the campaign), which recipients
 * form the sample and which variant each gets, purchase attribution, and the winner.
 */
final class AbTests {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,16}");

    /** The definition as stored. */
    record Definition(int samplePercent, AbMetric metric, long waitMinutes, List<AbVariant> variants) {

        AbVariant variant(String name) {
            return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElse(null);
        }
    }

    private AbTests() {
    }

    /** Checks the test against the campaign; {@code templateExists} tells whether a template name exists. */
    static Definition check(AbTest t, java.util.function.Predicate<String> templateExists) {
        if (t.samplePercent() < 1 || t.samplePercent() > 99) {
            throw new ValidationException("abTest.samplePercent", String.valueOf(t.samplePercent()),
                    "abTest.samplePercent: the sample is 1 to 99 percent of the audience");
        }
        if (t.metric() == null) {
            throw new ValidationException("abTest.metric", null, "abTest.metric: OPENS, CLICKS or REVENUE");
        }
        if (t.waitMinutes() < 1 || t.waitMinutes() > 60L * 24 * 30) {
            throw new ValidationException("abTest.waitMinutes", String.valueOf(t.waitMinutes()),
                    "abTest.waitMinutes: the wait before picking the winner is 1 minute to 30 days");
        }
        if (t.variants().size() < 2 || t.variants().size() > 10) {
            throw new ValidationException("abTest.variants", String.valueOf(t.variants().size()),
                    "abTest.variants: an A/B test has 2 to 10 variants");
        }
        Set<String> names = new HashSet<>();
        Set<String> distinct = new HashSet<>();
        for (AbVariant v : t.variants()) {
            if (v.name() == null || !NAME.matcher(v.name()).matches() || !names.add(v.name())) {
                throw new ValidationException("abTest.variants", v.name(),
                        "abTest.variants: each variant has its own name of 1-16 letters, digits, '_' or '-'");
            }
            if (v.template() == null && (v.subject() == null || v.subject().isBlank())) {
                throw new ValidationException("abTest.variants", v.name(),
                        "abTest.variants: variant " + v.name() + " changes neither the template nor the subject");
            }
            if (v.template() != null && !templateExists.test(v.template())) {
                throw new ValidationException("abTest.variants", v.template(), "abTest.variants: variant " + v.name()
                        + ": template '" + v.template() + "' does not exist");
            }
            if (!distinct.add(v.template() + "\n" + v.subject())) {
                throw new ValidationException("abTest.variants", v.name(),
                        "abTest.variants: variant " + v.name() + " is the same as another");
            }
        }
        return new Definition(t.samplePercent(), t.metric(), t.waitMinutes(), t.variants());
    }

    static String json(Definition d) {
        try {
            return HeraldJson.mapper().writeValueAsString(d);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The definition of the campaign's test, or null. */
    static Definition of(CampaignRecord c) {
        if (c.abTest() == null) {
            return null;
        }
        try {
            return HeraldJson.mapper().readValue(c.abTest(), Definition.class);
        } catch (IOException e) {
            throw new IllegalStateException("the A/B test of campaign '" + c.name() + "' cannot be read", e);
        }
    }

    static Instant decideAt(CampaignRecord c, Definition d) {
        return c.startedAt() == null ? null : c.startedAt().plus(Duration.ofMinutes(d.waitMinutes()));
    }

    static AbTestInfo info(CampaignRecord c) {
        Definition d = of(c);
        return d == null ? null : new AbTestInfo(d.samplePercent(), d.metric(), d.waitMinutes(), d.variants(),
                decideAt(c, d), c.abWinner(), c.abReason(), c.abDecidedAt());
    }

    /** The sample size of an audience of {@code total}: the percentage, rounded, at least one per variant where possible. */
    static int sampleSize(long total, Definition d) {
        long n = Math.round(total * d.samplePercent() / 100.0);
        return (int) Math.min(total, Math.max(n, Math.min(total, d.variants().size())));
    }

    /**
     * The place of a contact in the campaign's random order: a hash of campaign and contact, the same on
     * every node and after a restart, so queueing the sample again picks the same contacts.
     */
    static long rank(long campaignId, long contactKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(ByteBuffer.allocate(16).putLong(campaignId).putLong(contactKey).array());
            return ByteBuffer.wrap(sha.digest()).getLong() & Long.MAX_VALUE;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a purchase is the message's: its properties name the message or the campaign, or it came
     * within {@code days} after the contact's first click on the message.
     */
    static boolean attributed(VariantPurchase p, String campaign, int days) {
        Object message = p.properties().get("message");
        if (message != null && message.toString().equals(String.valueOf(p.messageId()))) {
            return true;
        }
        Object name = p.properties().get("campaign");
        if (name != null && name.toString().equals(campaign)) {
            return true;
        }
        return p.firstClick() != null && !p.at().isBefore(p.firstClick())
                && p.at().isBefore(p.firstClick().plus(Duration.ofDays(days)));
    }

    /** Each variant's figures, in the definition's order (a variant with no messages has zeros). */
    static List<VariantFigures> figures(Definition d, List<VariantCount> counts, List<VariantPurchase> purchases,
            String campaign, int days) {
        Map<String, VariantCount> byName = new LinkedHashMap<>();
        counts.forEach(c -> byName.put(c.variant(), c));
        List<VariantFigures> out = new ArrayList<>();
        for (AbVariant v : d.variants()) {
            VariantCount c = byName.getOrDefault(v.name(), new VariantCount(v.name(), 0, 0, 0, 0, 0, 0));
            long bought = 0;
            BigDecimal revenue = BigDecimal.ZERO;
            for (VariantPurchase p : purchases) {
                if (v.name().equals(p.variant()) && attributed(p, campaign, days)) {
                    bought++;
                    revenue = revenue.add(p.amount() == null ? BigDecimal.ZERO : p.amount());
                }
            }
            out.add(new VariantFigures(v.name(), c.messages(), c.sent(), c.opens(), c.uniqueOpens(), c.clicks(),
                    c.uniqueClicks(), bought, revenue));
        }
        return out;
    }

    /** The winner and why: the highest share of sent messages by the metric; a tie goes to the earliest variant. */
    static String[] winner(Definition d, List<VariantFigures> figures) {
        VariantFigures best = null;
        BigDecimal bestScore = null;
        boolean tie = false;
        for (VariantFigures f : figures) {
            BigDecimal score = score(d.metric(), f);
            if (best == null || score.compareTo(bestScore) > 0) {
                best = f;
                bestScore = score;
                tie = false;
            } else if (score.compareTo(bestScore) == 0) {
                tie = true;
            }
        }
        StringBuilder why = new StringBuilder(best.name()).append(tie ? " (a tie, the first of the best)" : "")
                .append(" won on ").append(switch (d.metric()) {
                    case OPENS -> "unique opens per message sent";
                    case CLICKS -> "unique clicks per message sent";
                    case REVENUE -> "attributed revenue per message sent";
                }).append(':');
        for (VariantFigures f : figures) {
            why.append(' ').append(f.name()).append(' ').append(switch (d.metric()) {
                case OPENS -> f.uniqueOpens() + "/" + f.sent();
                case CLICKS -> f.uniqueClicks() + "/" + f.sent();
                case REVENUE -> f.revenue().toPlainString() + "/" + f.sent();
            }).append(" = ").append(score(d.metric(), f).setScale(4, RoundingMode.HALF_UP).toPlainString()).append(';');
        }
        why.setLength(why.length() - 1);
        return new String[] {best.name(), why.toString()};
    }

    private static BigDecimal score(AbMetric metric, VariantFigures f) {
        if (f.sent() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal value = switch (metric) {
            case OPENS -> BigDecimal.valueOf(f.uniqueOpens());
            case CLICKS -> BigDecimal.valueOf(f.uniqueClicks());
            case REVENUE -> f.revenue();
        };
        return value.divide(BigDecimal.valueOf(f.sent()), 8, RoundingMode.HALF_UP);
    }

    /** A stable text for logs. */
    static String describe(Definition d) {
        return d.variants().size() + " variants to " + d.samplePercent() + "% by " + d.metric() + " after "
                + d.waitMinutes() + " min";
    }
}
