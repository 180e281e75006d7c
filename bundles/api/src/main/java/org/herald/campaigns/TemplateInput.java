package org.herald.campaigns;

/** What a template is created or replaced with. */
public final class TemplateInput {

    private final String subject;
    private final String html;
    private final String text;

    private TemplateInput(Builder b) {
        this.subject = b.subject;
        this.html = b.html;
        this.text = b.text;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String subject() {
        return subject;
    }

    public String html() {
        return html;
    }

    /** The text part, or {@code null} to make it from the HTML. */
    public String text() {
        return text;
    }

    public static final class Builder {
        private String subject;
        private String html;
        private String text;

        private Builder() {
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder html(String html) {
            this.html = html;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public TemplateInput build() {
            return new TemplateInput(this);
        }
    }
}
