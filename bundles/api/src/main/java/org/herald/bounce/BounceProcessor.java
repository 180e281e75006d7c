package org.herald.bounce;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Acts on received bounces, complaints and auto-replies: every entry point (the mailbox route, the
 * provider webhooks, the console, REST) hands the raw message here.
 *
 * <p>Contract of {@link #process}:
 * <ul>
 * <li>the message is classified ({@link BounceClassifier}) and each record matched to the message it is
 * about, by the signed token of the envelope sender ({@code bounce+<token>@…}) when the report carries
 * it, else by the original Message-ID, else to a contact by the recipient's address;</li>
 * <li>effects: HARD makes the contact INACTIVE and the message HF (UF for an unknown user); SOFT makes
 * the message SF and the contact INACTIVE once it has the configured number of soft bounces spread
 * over at least the configured number of days; COMPLAINT unsubscribes the contact (source
 * FEEDBACK_COMPLAINT); BLOCKED changes no contact and is counted per sending domain; AUTOREPLY,
 * DELIVERED and UNKNOWN change nothing. Each bounce is a contact event ({@code message_bounced},
 * {@code message_complained}) written in the transaction that records it and changes the message;
 * a contact status change is written with its own event by the contact service;</li>
 * <li>idempotent: a message processed before (same key) writes and applies nothing again, so a message
 * fetched twice (a crash between the commit and the mailbox delete) does not count twice; the status
 * effects are re-checked, so a crash between the record and the status change is repaired;</li>
 * <li>a message that cannot be acted on (unreadable, no report in it, no recipient) is quarantined
 * with its bytes, never dropped;</li>
 * <li>when the database is unavailable it throws a {@link org.herald.common.TransientException}: the
 * caller keeps the message and tries again later.</li>
 * </ul>
 *
 * @since 1.2
 */
@ProviderType
public interface BounceProcessor {

    /**
     * Processes one received message.
     *
     * @param message the raw bytes (RFC 5322)
     * @param source where it came from, e.g. {@code imap:bounces@mail.example.org/INBOX}
     */
    ProcessedBounce process(byte[] message, String source);

    /**
     * Processes one event of a sending provider, already authenticated by the caller.
     *
     * @param key the provider's event id (or a hash of the event), so a redelivered event is a duplicate
     * @param records what the event says, one record per recipient
     * @param raw the event as received, kept when it must be quarantined
     * @param source e.g. {@code webhook:ses}
     */
    ProcessedBounce processRecords(String key, List<BounceRecord> records, byte[] raw, String source);

    /**
     * Processes the event notification a sending provider posted to a webhook, already authenticated by
     * the caller: {@code ses} (Amazon SES through SNS, or the SES notification itself), {@code sendgrid},
     * {@code mailgun} or {@code postmark}. Each event is keyed by the provider's event id, so a notification
     * posted twice is a duplicate. An unreadable body, or an unknown provider, is a
     * {@link org.herald.common.ValidationException}.
     *
     * @return one result per event Herald acts on (deliveries, opens, deferrals the provider still retries
     *         are left out; an SNS subscription confirmation gives none and logs the URL to confirm it with)
     */
    List<ProcessedBounce> processProviderEvents(String provider, byte[] body);

    /**
     * Recorded bounces, newest first.
     *
     * @param bounceClass only this class, or {@code null} for all
     * @param contact only this contact (id or e-mail), or {@code null} for all
     */
    List<Bounce> list(BounceClass bounceClass, String contact, int offset, int limit);

    /** Blocked reports since {@code since}, counted per sending domain, the most first. */
    List<DomainCount> blockedBySendingDomain(Instant since);

    /** Quarantined messages, newest first. */
    List<QuarantinedBounce> quarantined(int offset, int limit);

    /** The bytes of a quarantined message; {@link org.herald.common.NotFoundException} if there is none. */
    byte[] quarantinedMessage(long id);

    /**
     * Processes a quarantined message again (after a fix, or a new rule); it leaves the quarantine
     * unless it is quarantined again.
     */
    ProcessedBounce retryQuarantined(long id);

    /** Deletes a quarantined message for good; {@link org.herald.common.NotFoundException} if there is none. */
    void deleteQuarantined(long id);
}
