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

    /**
     * The actor of the contact's own changes on its pages (the preference center records MANAGE by
     * this actor, with the IP and user agent of the request).
     */
    public static final String SUBSCRIBER = "subscriber";

    private final ConsentSource source;
    private final String actor;
    private final String ip;
    private final String userAgent;
    private final String formId;
    private final String consentTextVersion;
    private final long messageId;
    private final boolean ownAct;

    /** The 1.0 shape; new code uses the factories or {@link #builder(ConsentSource)}. */
    public ChangeContext(ConsentSource source, String actor, String ip, String userAgent, String formId,
            String consentTextVersion) {
        this.source = Objects.requireNonNull(source, "source");
        this.actor = actor;
        this.ip = ip;
        this.userAgent = userAgent;
        this.formId = formId;
        this.consentTextVersion = consentTextVersion;
        this.messageId = 0;
        this.ownAct = false;
    }

    private ChangeContext(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.actor = b.actor;
        this.ip = b.ip;
        this.userAgent = b.userAgent;
        this.formId = b.formId;
        this.consentTextVersion = b.consentTextVersion;
        if (b.messageId < 0) {
            throw new IllegalArgumentException("messageId must be 0 or more");
        }
        this.messageId = b.messageId;
        this.ownAct = b.ownAct;
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
                .consentTextVersion(consentTextVersion).messageId(messageId).contactsOwnAct(ownAct);
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

    /** The message the change came from (its unsubscribe link, a bounce, a complaint), 0 for none. */
    public long messageId() {
        return messageId;
    }

    /**
     * Whether the change is the contact's own act, the only kind that may lift UNSUBSCRIBED or
     * INACTIVE: a source that is one by nature ({@link ConsentSource#isContactsOwnAct()}), or a
     * change the contact made on a page reached through its signed link (the preference page).
     */
    public boolean isContactsOwnAct() {
        return ownAct || source.isContactsOwnAct();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChangeContext c && source == c.source && Objects.equals(actor, c.actor)
                && Objects.equals(ip, c.ip) && Objects.equals(userAgent, c.userAgent)
                && Objects.equals(formId, c.formId) && Objects.equals(consentTextVersion, c.consentTextVersion)
                && messageId == c.messageId && ownAct == c.ownAct;
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, actor, ip, userAgent, formId, consentTextVersion, messageId, ownAct);
    }

    @Override
    public String toString() {
        // no ip or user agent: a context may be logged
        return "ChangeContext[source=" + source + ", actor=" + actor + ", formId=" + formId
                + (messageId == 0 ? "" : ", messageId=" + messageId) + (ownAct ? ", contact's own act" : "") + "]";
    }

    /** Builds a {@link ChangeContext}. Not thread-safe. */
    public static final class Builder {
        private ConsentSource source;
        private String actor;
        private String ip;
        private String userAgent;
        private String formId;
        private String consentTextVersion;
        private long messageId;
        private boolean ownAct;

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

        /** The message the change came from (0, the default, for none); recorded in the ledger. */
        public Builder messageId(long value) {
            this.messageId = value;
            return this;
        }

        /**
         * Marks the change as the contact's own act although its source is not one by nature: the
         * contact acting on a page reached through its signed link (the preference page records
         * MANAGE with the proof of the request). Default false.
         */
        public Builder contactsOwnAct(boolean value) {
            this.ownAct = value;
            return this;
        }

        /** @throws NullPointerException without a source */
        public ChangeContext build() {
            return new ChangeContext(this);
        }
    }
}
