package org.herald.campaigns;

import java.util.ArrayList;
import java.util.List;

/** What a campaign is created with (or a draft changed to): build with {@link #builder(String)}. */
public final class CampaignInput {

    private final String template;
    private final String subject;
    private final String from;
    private final String replyTo;
    private final boolean transactional;
    private final boolean allowUnknown;
    private final List<String> lists;
    private final List<String> excludeLists;
    private final List<String> segments;
    private final List<String> excludeSegments;
    private final AbTest abTest;

    private CampaignInput(Builder b) {
        this.template = b.template;
        this.subject = b.subject;
        this.from = b.from;
        this.replyTo = b.replyTo;
        this.transactional = b.transactional;
        this.allowUnknown = b.allowUnknown;
        this.lists = List.copyOf(b.lists);
        this.excludeLists = List.copyOf(b.excludeLists);
        this.segments = List.copyOf(b.segments);
        this.excludeSegments = List.copyOf(b.excludeSegments);
        this.abTest = b.abTest;
    }

    /** A campaign of template {@code template}. */
    public static Builder builder(String template) {
        return new Builder(template);
    }

    public String template() {
        return template;
    }

    public String subject() {
        return subject;
    }

    public String from() {
        return from;
    }

    public String replyTo() {
        return replyTo;
    }

    public boolean transactional() {
        return transactional;
    }

    public boolean allowUnknown() {
        return allowUnknown;
    }

    public List<String> lists() {
        return lists;
    }

    public List<String> excludeLists() {
        return excludeLists;
    }

    public List<String> segments() {
        return segments;
    }

    public List<String> excludeSegments() {
        return excludeSegments;
    }

    /** The A/B test, or null for none. */
    public AbTest abTest() {
        return abTest;
    }

    public static final class Builder {
        private final String template;
        private String subject;
        private String from;
        private String replyTo;
        private boolean transactional;
        private boolean allowUnknown;
        private final List<String> lists = new ArrayList<>();
        private final List<String> excludeLists = new ArrayList<>();
        private final List<String> segments = new ArrayList<>();
        private final List<String> excludeSegments = new ArrayList<>();
        private AbTest abTest;

        private Builder(String template) {
            this.template = template;
        }

        /** Overrides the template's subject. */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** The From address; without it the configured default sender. */
        public Builder from(String from) {
            this.from = from;
            return this;
        }

        public Builder replyTo(String replyTo) {
            this.replyTo = replyTo;
            return this;
        }

        public Builder transactional(boolean transactional) {
            this.transactional = transactional;
            return this;
        }

        public Builder allowUnknown(boolean allowUnknown) {
            this.allowUnknown = allowUnknown;
            return this;
        }

        public Builder list(String... names) {
            lists.addAll(List.of(names));
            return this;
        }

        public Builder excludeList(String... names) {
            excludeLists.addAll(List.of(names));
            return this;
        }

        public Builder segment(String... names) {
            segments.addAll(List.of(names));
            return this;
        }

        public Builder excludeSegment(String... names) {
            excludeSegments.addAll(List.of(names));
            return this;
        }

        /** Sends the campaign as an A/B test (1.3); null for none. */
        public Builder abTest(AbTest abTest) {
            this.abTest = abTest;
            return this;
        }

        public CampaignInput build() {
            return new CampaignInput(this);
        }
    }
}
