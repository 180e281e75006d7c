package org.herald.campaigns;

/**
 * The delivery status of one message, per (campaign, contact), with the codes the sources use.
 * FP, PF, TE, TR, IE and C are terminal and never retried; SF and LF are given after retries ran
 * out; SENT is accepted by the relay (or written to the outbox).
 */
public enum MessageStatus {
    /** Queued, not yet sent (also while a temporary failure waits for its retry). */
    WFS("queued, waiting to be sent"),
    SENT("accepted by the relay"),
    /** Cancelled with its campaign. */
    C("cancelled"),
    /** Opted out (or capped by the contact's frequency choice) between queueing and sending. */
    OO("opted out or capped before sending"),
    IE("invalid address"),
    TE("template error"),
    TR("template rejected: the contact does not meet the message's conditions"),
    PF("product recommendations missing"),
    SF("soft bounce: temporary failures until retries ran out"),
    LF("could not connect to the relay until retries ran out"),
    HF("hard bounce"),
    UF("user unknown"),
    FP("failed permanently");

    private final String description;

    MessageStatus(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether the status is final (everything but WFS). */
    public boolean isFinal() {
        return this != WFS;
    }

    /** Whether the message failed (a final status other than SENT, C and OO). */
    public boolean isFailure() {
        return this != WFS && this != SENT && this != C && this != OO;
    }
}
