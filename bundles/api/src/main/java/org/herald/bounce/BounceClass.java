package org.herald.bounce;

/**
 * What a report means for the contact it names, and so what Herald does with it.
 */
public enum BounceClass {

    /** The address does not exist or is disabled: Herald makes the contact INACTIVE at once. */
    HARD,

    /**
     * A temporary failure (mailbox full, delivery expired, network or remote system trouble):
     * Herald retries and makes the contact INACTIVE only after a configured number of soft bounces.
     */
    SOFT,

    /**
     * A rejection for policy, reputation, authentication or content (block lists, DMARC, spam
     * filters, message too large): the contact is never penalised; Herald alerts the operator,
     * because the problem is on the sending side.
     */
    BLOCKED,

    /**
     * An ARF (RFC 5965) spam complaint: Herald unsubscribes the contact at once, with consent
     * source FEEDBACK_COMPLAINT.
     */
    COMPLAINT,

    /** A vacation notice or other automatic reply (RFC 3834): not a bounce; no contact change. */
    AUTOREPLY,

    /** A delivery status notification saying delivered, relayed or expanded: no contact change. */
    DELIVERED,

    /**
     * A failure whose cause cannot be told, or input that could not be read (see
     * {@link BounceRecord#note()}): no contact change; kept for the operator to look at.
     */
    UNKNOWN
}
