package org.herald.contacts;

import java.util.Objects;

/**
 * Who and what caused a change, recorded with every consent ledger entry: the source, the actor
 * (admin user name, API user, queue name) and, for the contact's own acts, the proof of consent.
 * <p>
 * Use the factories ({@link #manage}, {@link #api}, {@link #importing}) or, for the contact's own
 * acts with their proof, {@link #builder(ConsentSource)}: this type grows (a message reference for
 * unsubscribes from a message is next), and what is added later is a builder method that defaults
 * to "not known". The public constructor is the 1.0 shape, kept for code built against it; it never
 * gains a parameter.
 */
public final class ChangeContext {

    private final ConsentSource source;
    private final String actor;
    private final String ip;
    private final String userAgent;
    private final String formId;
    private final String consentTextVersion;

    /** The 1.0 shape; new code uses the factories or {@link #builder(ConsentSource)}. */
    public ChangeContext(ConsentSource source, String actor, String ip, String userAgent, String formId,
            String consentTextVersion) {
        this.source = Objects.requireNonNull(source, "source");
        this.actor = actor;
        this.ip = ip;
        this.userAgent = userAgent;
        this.formId = formId;
        this.consentTextVersion = consentTextVersion;
    }

    /** A change made by an administrator at the console. */
    public static ChangeContext manage(String actor) {
        return builder(ConsentSource.MANAGE).actor(actor).build();
    }

    /** A change made through the REST API or an integration queue. */
    public static ChangeContext api(String actor) {
        return builder(ConsentSource.API).actor(actor).build();
    }

    /** A change made by a CSV import. */
    public static ChangeContext importing(String actor) {
        return builder(ConsentSource.IMPORT).actor(actor).build();
    }

    /** A context of this source; everything else not known until set. */
    public static Builder builder(ConsentSource source) {
        return new Builder(source);
    }

    /** A builder holding this context's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(source).actor(actor).ip(ip).userAgent(userAgent).formId(formId)
                .consentTextVersion(consentTextVersion);
    }

    /** The same context with another source (e.g. an import run by an admin). */
    public ChangeContext withSource(ConsentSource other) {
        return toBuilder().source(other).build();
    }

    public ConsentSource source() {
        return source;
    }

    public String actor() {
        return actor;
    }

    public String ip() {
        return ip;
    }

    public String userAgent() {
        return userAgent;
    }

    public String formId() {
        return formId;
    }

    public String consentTextVersion() {
        return consentTextVersion;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeContext c && source == c.source && Objects.equals(actor, c.actor)
                && Objects.equals(ip, c.ip) && Objects.equals(userAgent, c.userAgent)
                && Objects.equals(formId, c.formId) && Objects.equals(consentTextVersion, c.consentTextVersion);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, actor, ip, userAgent, formId, consentTextVersion);
    }

    @Override
    public String toString() {
        // no ip or user agent: a context may be logged
        return "ChangeContext[source=" + source + ", actor=" + actor + ", formId=" + formId + "]";
    }

    /** Builds a {@link ChangeContext}. Not thread-safe. */
    public static final class Builder {
        private ConsentSource source;
        private String actor;
        private String ip;
        private String userAgent;
        private String formId;
        private String consentTextVersion;

        private Builder(ConsentSource source) {
            this.source = source;
        }

        public Builder source(ConsentSource value) {
            this.source = value;
            return this;
        }

        /** Admin user name, API user or queue name. */
        public Builder actor(String value) {
            this.actor = value;
            return this;
        }

        /** Proof of consent: the address the contact acted from. */
        public Builder ip(String value) {
            this.ip = value;
            return this;
        }

        /** Proof of consent: the contact's browser. */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /** Proof of consent: the form the contact filled. */
        public Builder formId(String value) {
            this.formId = value;
            return this;
        }

        /** Proof of consent: the version of the consent text the contact saw. */
        public Builder consentTextVersion(String value) {
            this.consentTextVersion = value;
            return this;
        }

        /** @throws NullPointerException without a source */
        public ChangeContext build() {
            return new ChangeContext(source, actor, ip, userAgent, formId, consentTextVersion);
        }
    }
}
