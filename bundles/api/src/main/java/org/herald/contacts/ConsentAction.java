package org.herald.contacts;

/** What a consent ledger entry records. */
public enum ConsentAction {
    /** The opt-in status changed (from/to in the entry). */
    STATUS_CHANGED,
    /** The contact joined a list. */
    LIST_SUBSCRIBED,
    /** The contact left a list. */
    LIST_UNSUBSCRIBED,
    /**
     * The contact changed its sending choices (a frequency cap, or "at most one message a week" at
     * unsubscribe, source ONE_MESSAGE); the entry's detail holds the choices after the change.
     */
    CHOICES_CHANGED
}
