package org.herald.campaigns;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends a contact the double opt-in message: a transactional message with the contact's
 * confirmation link and no advertising, through the same outbound path as campaigns (the SMTP route,
 * or the outbox without a relay), kept in the database until delivered. Used by the confirmation
 * page (a new link for an expired one), subscription forms and admins.
 */
@ProviderType
public interface ConfirmationMail {

    /** What became of a request. */
    enum Outcome {
        /** A message is queued. */
        QUEUED,
        /** The contact is CONFIRMED already: nothing to confirm. */
        ALREADY_CONFIRMED,
        /** The contact may not be mailed at all (inactive address, deleted). */
        SUPPRESSED,
        /** The daily cap of confirmation messages for this contact is reached; none is queued. */
        LIMITED
    }

    /**
     * Queues the confirmation message to the contact (id or address), in the contact's language
     * (English when Herald has no text in it), unless the outcome says why not.
     */
    Outcome request(String contactIdOrEmail);

    /**
     * Queues the confirmation message for a subscription waiting for it (a form post), also to a
     * contact that is CONFIRMED already (a subscription to more lists needs the mailbox owner's
     * confirmation too), in {@code language} when Herald has texts in it (null: the contact's).
     * SUPPRESSED and LIMITED apply as to {@link #request}; ALREADY_CONFIRMED is never the outcome.
     *
     * @since 1.2
     */
    Outcome requestForSubscription(String contactIdOrEmail, String language);
}
