package org.herald.campaigns;

import java.util.ArrayList;
import java.util.List;

/**
 * An A/B test asked for with a campaign: {@code samplePercent} of the audience gets the variants (split
 * evenly), the winner by {@code metric} is picked {@code waitMinutes} after sending starts and goes to
 * the rest. Build with {@link #builder()}.
 */
public final class AbTest {

    private final int samplePercent;
    private final AbMetric metric;
    private final long waitMinutes;
    private final List<AbVariant> variants;

    private AbTest(Builder b) {
        this.samplePercent = b.samplePercent;
        this.metric = b.metric;
        this.waitMinutes = b.waitMinutes;
        this.variants = List.copyOf(b.variants);
    }

    public static Builder builder() {
        return new Builder();
    }

    public int samplePercent() {
        return samplePercent;
    }

    public AbMetric metric() {
        return metric;
    }

    public long waitMinutes() {
        return waitMinutes;
    }

    public List<AbVariant> variants() {
        return variants;
    }

    public static final class Builder {
        private int samplePercent = 20;
        private AbMetric metric = AbMetric.CLICKS;
        private long waitMinutes = 240;
        private final List<AbVariant> variants = new ArrayList<>();

        private Builder() {
        }

        /** Share of the audience in the test, 1 to 99 (default 20). */
        public Builder samplePercent(int percent) {
            this.samplePercent = percent;
            return this;
        }

        /** What decides (default CLICKS). */
        public Builder metric(AbMetric metric) {
            this.metric = metric;
            return this;
        }

        /** Minutes from the start of sending to the decision (default 240). */
        public Builder waitMinutes(long minutes) {
            this.waitMinutes = minutes;
            return this;
        }

        /** A variant: its name and its template and/or subject (null keeps the campaign's). */
        public Builder variant(String name, String template, String subject) {
            variants.add(new AbVariant(name, template, subject));
            return this;
        }

        public AbTest build() {
            return new AbTest(this);
        }
    }
}
