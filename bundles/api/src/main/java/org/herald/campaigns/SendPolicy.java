package org.herald.campaigns;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one place every sender (campaigns, later automations) asks "may this contact get this
 * message now?". Marketing messages need a consenting opt-in status (CONFIRMED, or UNKNOWN where
 * allowed) and respect the contact's {@link MailChoices}; transactional messages bypass the caps and
 * the opt-in status but never suppression.
 */
@ProviderType
public interface SendPolicy {

    /**
     * The decision for contact {@code contactId} (public id) at {@code at}; {@code campaignId} is
     * the campaign asking (its own earlier message does not count against the cap).
     */
    SendDecision decide(String contactId, long campaignId, boolean transactional, boolean allowUnknown, Instant at);

    /** The contact's sending choices ({@link MailChoices#NONE} when it made none). */
    MailChoices choices(String contactIdOrEmail);

    /** Sets the contact's sending choices; the change is an event on its timeline. */
    MailChoices setChoices(String contactIdOrEmail, MailChoices choices, String actor);
}
