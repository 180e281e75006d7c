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

    /** Sets the contact's sending choices as an admin; the change is an event on its timeline. */
    MailChoices setChoices(String contactIdOrEmail, MailChoices choices, String actor);

    /**
     * Sets the contact's sending choices for {@code context} (the preference page, the "one message a
     * week" choice at unsubscribe with source ONE_MESSAGE, an admin): an event on its timeline and a
     * {@link org.herald.contacts.ConsentAction#CHOICES_CHANGED} entry in its consent ledger, written
     * with the choices in one transaction. Unchanged choices write nothing.
     */
    MailChoices setChoices(String contactIdOrEmail, MailChoices choices, org.herald.contacts.ChangeContext context);
}
