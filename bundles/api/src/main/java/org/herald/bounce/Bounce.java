package org.herald.bounce;

import java.time.Instant;

/**
 * One recipient of a processed bounce, as recorded. Text fields ({@code recipient},
 * {@code diagnostic}) are what a remote server wrote: show them escaped.
 *
 * @param id the record's id
 * @param key the received message's key (a hash of its bytes, or a provider's event id); the
 *        records of one message share it
 * @param receivedAt when Herald processed it
 * @param source where it came from ({@code imap:…}, {@code pop3:…}, {@code webhook:ses}, {@code console},
 *        {@code rest})
 * @param recipient the recipient the report is about, or {@code null}
 * @param bounceClass the class
 * @param reason the reason, or {@code null}
 * @param status the enhanced status code, or {@code null}
 * @param replyCode the SMTP reply code, or {@code null}
 * @param diagnostic the remote server's words, or {@code null}
 * @param feedbackType the ARF feedback type of a complaint, or {@code null}
 * @param contactId the public id of the contact it was applied to, or {@code null} when none matched
 * @param campaignId the campaign of the matched message, 0 for none
 * @param messageId the matched message, 0 for none
 * @param matchedBy how it was matched: {@code token} (the signed envelope sender), {@code message-id}
 *        (the original Message-ID), {@code address} (the recipient's address) or {@code none}
 * @param sendingDomain the domain the message was sent from, when known (blocked reports are counted by it)
 * @param effect what Herald did: {@code INACTIVE}, {@code SOFT_COUNTED}, {@code UNCONFIRMED} (a HARD
 *        bounce on words alone, counted until another campaign's confirms it), {@code UNSUBSCRIBED},
 *        {@code REPORTED} (blocked), {@code NONE}, or {@code NO_CONTACT}
 * @since 1.2
 */
public record Bounce(long id, String key, Instant receivedAt, String source, String recipient, BounceClass bounceClass,
        BounceReason reason, String status, Integer replyCode, String diagnostic, String feedbackType, String contactId,
        long campaignId, long messageId, String matchedBy, String sendingDomain, String effect) {
}
