package org.herald.bounce;

/**
 * What one received message says about one recipient. Any field but {@code bounceClass} may be
 * {@code null} when the message does not say.
 *
 * @param recipient the recipient the report is about, lower-cased (the final recipient of a DSN,
 *        the reported address of an ARF report, the address an auto-reply came from)
 * @param status the RFC 3463 enhanced status code, e.g. {@code 5.1.1}
 * @param replyCode the SMTP reply code, e.g. {@code 550}
 * @param diagnostic the remote server's own words, on one line
 * @param reason why, in Herald's vocabulary
 * @param feedbackType the ARF {@code Feedback-Type} of a complaint, e.g. {@code abuse}
 * @param originalMessageId the {@code Message-ID} of the message that bounced, without brackets,
 *        so a route can match it to the send
 * @param originalRecipient the original recipient (DSN {@code Original-Recipient}, or the
 *        returned message's {@code To}) when it is given
 * @param bounceClass what Herald does; never {@code null}
 * @param note for {@link BounceClass#UNKNOWN}: what was wrong with the input or why the cause
 *        could not be told; otherwise usually {@code null}
 * @param unconfirmed (1.2) {@code true} for a HARD record that rests on the remote server's words
 *        alone: it says "user unknown" (or the like) but nothing confirms that the address itself
 *        was refused (no X.1.x status such as {@code 5.1.1}, no rejection in reply to RCPT TO, not
 *        the word of the system holding the mailbox). Filters sometimes answer so to what they
 *        refuse, so the processor does not act on one such record alone (see
 *        {@code org.herald.bounces.processing}); always {@code false} for other classes
 */
public record BounceRecord(String recipient, String status, Integer replyCode, String diagnostic,
        BounceReason reason, String feedbackType, String originalMessageId, String originalRecipient,
        BounceClass bounceClass, String note, boolean unconfirmed) {

    public BounceRecord {
        if (bounceClass == null) {
            bounceClass = reason != null ? reason.defaultClass() : BounceClass.UNKNOWN;
        }
        if (bounceClass != BounceClass.HARD) {
            unconfirmed = false;
        }
    }

    /** The canonical constructor before 1.2: a record whose class, if HARD, is confirmed. */
    public BounceRecord(String recipient, String status, Integer replyCode, String diagnostic,
            BounceReason reason, String feedbackType, String originalMessageId, String originalRecipient,
            BounceClass bounceClass, String note) {
        this(recipient, status, replyCode, diagnostic, reason, feedbackType, originalMessageId, originalRecipient,
                bounceClass, note, false);
    }

    /** A record of class UNKNOWN, reason UNDEFINED, with the given note and nothing else. */
    public static BounceRecord unknown(String note) {
        return new BounceRecord(null, null, null, null, BounceReason.UNDEFINED, null, null, null,
                BounceClass.UNKNOWN, note);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder().recipient(recipient).status(status).replyCode(replyCode).diagnostic(diagnostic)
                .reason(reason).feedbackType(feedbackType).originalMessageId(originalMessageId)
                .originalRecipient(originalRecipient).bounceClass(bounceClass).note(note).unconfirmed(unconfirmed);
    }

    /**
     * Builds a record. A rule may leave {@code reason} and {@code bounceClass} unset: the classifier
     * completes them from the status, reply code and diagnostic text.
     */
    public static final class Builder {
        private String recipient;
        private String status;
        private Integer replyCode;
        private String diagnostic;
        private BounceReason reason;
        private String feedbackType;
        private String originalMessageId;
        private String originalRecipient;
        private BounceClass bounceClass;
        private String note;
        private boolean unconfirmed;

        private Builder() {
        }

        public Builder recipient(String v) { recipient = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder replyCode(Integer v) { replyCode = v; return this; }
        public Builder diagnostic(String v) { diagnostic = v; return this; }
        public Builder reason(BounceReason v) { reason = v; return this; }
        public Builder feedbackType(String v) { feedbackType = v; return this; }
        public Builder originalMessageId(String v) { originalMessageId = v; return this; }
        public Builder originalRecipient(String v) { originalRecipient = v; return this; }
        public Builder bounceClass(BounceClass v) { bounceClass = v; return this; }
        public Builder note(String v) { note = v; return this; }
        /** (1.2) Marks a HARD record as resting on words alone; see {@link BounceRecord#unconfirmed()}. */
        public Builder unconfirmed(boolean v) { unconfirmed = v; return this; }

        public String recipient() { return recipient; }
        public String status() { return status; }
        public Integer replyCode() { return replyCode; }
        public String diagnostic() { return diagnostic; }
        public BounceReason reason() { return reason; }
        public BounceClass bounceClass() { return bounceClass; }
        public boolean unconfirmed() { return unconfirmed; }

        /** The record; a missing class follows from the reason, or is UNKNOWN. */
        public BounceRecord build() {
            return new BounceRecord(recipient, status, replyCode, diagnostic, reason, feedbackType,
                    originalMessageId, originalRecipient, bounceClass, note, unconfirmed);
        }
    }
}
