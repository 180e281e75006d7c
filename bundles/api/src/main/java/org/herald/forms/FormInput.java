package org.herald.forms;

import java.util.ArrayList;
import java.util.List;

/**
 * What an admin gives to create or change a form. On a change, what is not set keeps its value;
 * a consent text that differs from the current one becomes a new version.
 */
public final class FormInput {

    private final String title;
    private final List<FormField> fields;
    private final List<String> lists;
    private final String consentText;
    private final Boolean doubleOptIn;
    private final String successUrl;
    private final String errorUrl;
    private final String language;

    private FormInput(Builder b) {
        this.title = b.title;
        this.fields = b.fields == null ? null : List.copyOf(b.fields);
        this.lists = b.lists == null ? null : List.copyOf(b.lists);
        this.consentText = b.consentText;
        this.doubleOptIn = b.doubleOptIn;
        this.successUrl = b.successUrl;
        this.errorUrl = b.errorUrl;
        this.language = b.language;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String title() {
        return title;
    }

    /** The fields, or null to keep them. */
    public List<FormField> fields() {
        return fields;
    }

    /** The lists, or null to keep them. */
    public List<String> lists() {
        return lists;
    }

    public String consentText() {
        return consentText;
    }

    /** Whether double opt-in is on, or null to keep it (on for a new form). */
    public Boolean doubleOptIn() {
        return doubleOptIn;
    }

    /** The success URL, null to keep it, {@code ""} to clear it. */
    public String successUrl() {
        return successUrl;
    }

    /** The error URL, null to keep it, {@code ""} to clear it. */
    public String errorUrl() {
        return errorUrl;
    }

    /** The language, null to keep it, {@code ""} to clear it. */
    public String language() {
        return language;
    }

    /** Builds a {@link FormInput}. Not thread-safe. */
    public static final class Builder {
        private String title;
        private List<FormField> fields;
        private List<String> lists;
        private String consentText;
        private Boolean doubleOptIn;
        private String successUrl;
        private String errorUrl;
        private String language;

        private Builder() {
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder field(FormField value) {
            if (fields == null) {
                fields = new ArrayList<>();
            }
            fields.add(value);
            return this;
        }

        public Builder fields(List<FormField> value) {
            this.fields = value == null ? null : new ArrayList<>(value);
            return this;
        }

        public Builder list(String value) {
            if (lists == null) {
                lists = new ArrayList<>();
            }
            lists.add(value);
            return this;
        }

        public Builder lists(List<String> value) {
            this.lists = value == null ? null : new ArrayList<>(value);
            return this;
        }

        public Builder consentText(String value) {
            this.consentText = value;
            return this;
        }

        public Builder doubleOptIn(Boolean value) {
            this.doubleOptIn = value;
            return this;
        }

        public Builder successUrl(String value) {
            this.successUrl = value;
            return this;
        }

        public Builder errorUrl(String value) {
            this.errorUrl = value;
            return this;
        }

        public Builder language(String value) {
            this.language = value;
            return this;
        }

        public FormInput build() {
            return new FormInput(this);
        }
    }
}
