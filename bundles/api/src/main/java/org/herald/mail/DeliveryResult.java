package org.herald.mail;

import java.time.Instant;
import java.util.Objects;

/** The result of one delivery attempt of an {@link OutboundMessage}: outcome, SMTP reply code and text. */
public final class DeliveryResult {

    private final long messageId;
    private final DeliveryOutcome outcome;
    private final int replyCode;
    private final String reply;
    private final Instant at;

    private DeliveryResult(long messageId, DeliveryOutcome outcome, int replyCode, String reply, Instant at) {
        this.messageId = messageId;
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.replyCode = replyCode;
        this.reply = reply;
        this.at = Objects.requireNonNull(at, "at");
    }

    /** The result for message {@code messageId}; {@code replyCode} 0 when there was no reply. */
    public static DeliveryResult of(long messageId, DeliveryOutcome outcome, int replyCode, String reply, Instant at) {
        return new DeliveryResult(messageId, outcome, replyCode, reply, at);
    }

    public long messageId() {
        return messageId;
    }

    public DeliveryOutcome outcome() {
        return outcome;
    }

    public int replyCode() {
        return replyCode;
    }

    /** The relay's reply (or the failure), or {@code null}. */
    public String reply() {
        return reply;
    }

    public Instant at() {
        return at;
    }

    @Override
    public String toString() {
        return "DeliveryResult[" + messageId + ", " + outcome + ", " + replyCode + "]";
    }
}
