package org.herald.segments;

/**
 * What an admin asks for when creating or changing a segment. The condition is given in JSON
 * ({@link Builder#conditions}) or in the textual form ({@link Builder#text}); exactly one of them.
 */
public final class SegmentInput {

    private final String name;
    private final String parentList;
    private final String conditions;
    private final String text;
    private final String description;

    private SegmentInput(Builder b) {
        this.name = b.name;
        this.parentList = b.parentList;
        this.conditions = b.conditions;
        this.text = b.text;
        this.description = b.description;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public String parentList() {
        return parentList;
    }

    /** The condition in JSON, or null when given as text. */
    public String conditions() {
        return conditions;
    }

    /** The condition in the textual form, or null when given as JSON. */
    public String text() {
        return text;
    }

    public String description() {
        return description;
    }

    public static final class Builder {
        private final String name;
        private String parentList;
        private String conditions;
        private String text;
        private String description;

        private Builder(String name) {
            this.name = name;
        }

        public Builder parentList(String value) {
            this.parentList = value;
            return this;
        }

        public Builder conditions(String json) {
            this.conditions = json;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public SegmentInput build() {
            return new SegmentInput(this);
        }
    }
}
