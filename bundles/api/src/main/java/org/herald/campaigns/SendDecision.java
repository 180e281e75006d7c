package org.herald.campaigns;

/** The answer of {@link SendPolicy}: may this contact get this message now, and if not, why. */
public enum SendDecision {
    /** Send it. */
    SEND,
    /** The contact's opt-in status does not allow marketing mail (it becomes OO). */
    NOT_CONSENTED,
    /** The contact is suppressed: inactive (hard bounces), deleted or erased; never mailed, not even transactional mail. */
    SUPPRESSED,
    /** A frequency or ONE_MESSAGE cap: already mailed in the current period (it becomes OO). */
    CAPPED;

    public boolean allowed() {
        return this == SEND;
    }
}
