package org.herald.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.campaigns.MessageStatus;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Processed bounces (one row per recipient a received report names) and the quarantine of received
 * messages that could not be acted on. Contact-scale: JDBC.
 *
 * @since 2.2
 */
@ProviderType
public interface BounceStore {

    /**
     * One recipient of a received report. {@code contactKey}, {@code campaignId} and {@code messageId}
     * are 0 when the report matched none; {@code id} is ignored when writing.
     */
    record BounceRow(long id, String bounceKey, int seq, Instant receivedAt, String source, BounceClass bounceClass,
            BounceReason reason, String status, Integer replyCode, String recipient, String diagnostic,
            String feedbackType, String originalMessageId, long contactKey, String contactId, long campaignId,
            long messageId, String matchedBy, String sendingDomain, String effect) {
    }

    /** A bounce of a sent message: a SENT or WFS message takes {@code status}; others are left as they are. */
    record MessageBounce(long messageId, MessageStatus status, Instant at, String reply) {
    }

    /**
     * Records the rows of one received message, changes the bounced messages and appends the events, in
     * one transaction, unless rows with {@code bounceKey} exist: then nothing is written and it returns
     * false. Two callers recording the same key at once: one wins, the other fails transiently (and
     * finds the key on its retry).
     */
    boolean record(String bounceKey, List<BounceRow> rows, List<MessageBounce> messages, List<EventWrite> events);

    /** Whether rows with this key exist. */
    boolean recorded(String bounceKey);

    /** A contact's soft bounces: how many, the first and the last (null when none). */
    record SoftBounces(long count, Instant first, Instant last) {
    }

    SoftBounces softBounces(long contactKey);

    /**
     * The effect of a HARD row that rests on words alone ({@link org.herald.bounce.BounceRecord#unconfirmed()}):
     * the contact is not made INACTIVE on it alone.
     */
    String UNCONFIRMED = "UNCONFIRMED";

    /** The unconfirmed HARD bounces of a contact from one campaign: the first and the last received. */
    record CampaignBounces(long campaignId, Instant first, Instant last) {
    }

    /**
     * (2.2) A contact's HARD rows with effect {@link #UNCONFIRMED} that matched a campaign's message, per
     * campaign, in campaign order.
     */
    List<CampaignBounces> unconfirmedHardByCampaign(long contactKey);

    /** Rows, newest first; {@code bounceClass} null for all, {@code contactKey} 0 for all. */
    List<BounceRow> list(BounceClass bounceClass, long contactKey, int offset, int limit);

    /** Rows of the key, in record order. */
    List<BounceRow> ofKey(String bounceKey);

    /** A count per domain. */
    record DomainCount(String domain, long count) {
    }

    /** Rows of {@code bounceClass} received at or after {@code since}, counted per sending domain, the most first. */
    List<DomainCount> countBySendingDomain(BounceClass bounceClass, Instant since);

    /** A quarantined message, without its bytes. */
    record Quarantined(long id, String bounceKey, Instant receivedAt, String source, String reason, long size) {
    }

    /**
     * Quarantines a message unless one with the key is quarantined already (then returns that one).
     * The reason is cut to 1,000 characters.
     */
    Quarantined quarantine(String bounceKey, Instant at, String source, String reason, byte[] raw);

    /** Quarantined messages, newest first. */
    List<Quarantined> quarantined(int offset, int limit);

    Optional<Quarantined> findQuarantined(long id);

    Optional<byte[]> quarantinedMessage(long id);

    /** Removes a quarantined message; false when there was none. */
    boolean deleteQuarantined(long id);
}
