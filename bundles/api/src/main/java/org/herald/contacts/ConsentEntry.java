package org.herald.contacts;

import java.time.Instant;

/**
 * One append-only entry of the consent ledger. For {@link ConsentAction#STATUS_CHANGED} the
 * from/to statuses are set; for list actions {@code list} names the list.
 * <p>
 * Herald writes entries and callers read them, so this stays a record (its components are also the
 * JSON shape of the ledger). It grows by appending components (a message reference is next); the
 * canonical constructor of every earlier shape stays as a delegating constructor, so code built
 * against an earlier version keeps working. Code that creates entries (stores, tests) uses
 * {@link #builder()}, which never changes for an added component.
 */
public record ConsentEntry(long id, String contactId, Channel channel, ConsentAction action, OptInStatus fromStatus,
        OptInStatus toStatus, String list, ConsentSource source, Instant at, String actor, String ip,
        String userAgent, String formId, String consentTextVersion, long messageId, String detail) {

    /** The 1.3 shape, kept for code built against it. */
    public ConsentEntry(long id, String contactId, Channel channel, ConsentAction action, OptInStatus fromStatus,
            OptInStatus toStatus, String list, ConsentSource source, Instant at, String actor, String ip,
            String userAgent, String formId, String consentTextVersion) {
        this(id, contactId, channel, action, fromStatus, toStatus, list, source, at, actor, ip, userAgent, formId,
                consentTextVersion, 0, null);
    }

    /** An e-mail channel entry; set at least the action, the source and the time. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ConsentEntry}. Not thread-safe. */
    public static final class Builder {
        private long id;
        private String contactId;
        private Channel channel = Channel.EMAIL;
        private ConsentAction action;
        private OptInStatus fromStatus;
        private OptInStatus toStatus;
        private String list;
        private ConsentSource source;
        private Instant at;
        private String actor;
        private String ip;
        private String userAgent;
        private String formId;
        private String consentTextVersion;
        private long messageId;
        private String detail;

        private Builder() {
        }

        /** The ledger's own key (0 before the entry is stored). */
        public Builder id(long value) {
            this.id = value;
            return this;
        }

        public Builder contactId(String value) {
            this.contactId = value;
            return this;
        }

        public Builder channel(Channel value) {
            this.channel = value;
            return this;
        }

        public Builder action(ConsentAction value) {
            this.action = value;
            return this;
        }

        /** For {@link ConsentAction#STATUS_CHANGED}: the status before and after. */
        public Builder status(OptInStatus from, OptInStatus to) {
            this.fromStatus = from;
            this.toStatus = to;
            return this;
        }

        /** For list actions: the list. */
        public Builder list(String value) {
            this.list = value;
            return this;
        }

        public Builder source(ConsentSource value) {
            this.source = value;
            return this;
        }

        public Builder at(Instant value) {
            this.at = value;
            return this;
        }

        public Builder actor(String value) {
            this.actor = value;
            return this;
        }

        /** The context's source, actor and proof of consent (ip, user agent, form, consent text). */
        public Builder context(ChangeContext value) {
            return source(value.source()).actor(value.actor()).proof(value.ip(), value.userAgent(), value.formId(),
                    value.consentTextVersion()).messageId(value.messageId());
        }

        /** The proof of consent for the contact's own acts. */
        public Builder proof(String ipValue, String userAgentValue, String formIdValue, String consentTextVersionValue) {
            this.ip = ipValue;
            this.userAgent = userAgentValue;
            this.formId = formIdValue;
            this.consentTextVersion = consentTextVersionValue;
            return this;
        }

        /** The message the change came from (its unsubscribe link), 0 for none. */
        public Builder messageId(long value) {
            this.messageId = value;
            return this;
        }

        /** For {@link ConsentAction#CHOICES_CHANGED}: the choices after the change, e.g. {@code frequency=WEEKLY}. */
        public Builder detail(String value) {
            this.detail = value;
            return this;
        }

        public ConsentEntry build() {
            return new ConsentEntry(id, contactId, channel, action, fromStatus, toStatus, list, source, at, actor, ip,
                    userAgent, formId, consentTextVersion, messageId, detail);
        }
    }
}
