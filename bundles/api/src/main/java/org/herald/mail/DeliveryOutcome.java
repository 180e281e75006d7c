package org.herald.mail;

/** How one delivery attempt ended, as the transport saw it. */
public enum DeliveryOutcome {
    /** Accepted by the relay, or written to the outbox. */
    ACCEPTED,
    /** A 4xx reply: try again later (also throttling replies 421/451/452). */
    TEMPORARY,
    /** The relay could not be reached or the connection broke: try again later. */
    CONNECTION,
    /** A 5xx reply about the mailbox itself not existing (5.1.1 and the like). */
    USER_UNKNOWN,
    /** A 5xx reply refusing this message for policy or content (5.7.x). */
    POLICY,
    /** Any other 5xx reply. */
    PERMANENT,
    /** The address cannot be used at all (refused before any attempt). */
    INVALID_ADDRESS,
    /** The message was not sent because its sender no longer wants it (paused, cancelled, already sent). */
    SKIPPED
}
