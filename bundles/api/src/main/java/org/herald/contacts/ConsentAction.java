package org.herald.contacts;

/** What a consent ledger entry records. */
public enum ConsentAction {
    /** The opt-in status changed (from/to in the entry). */
    STATUS_CHANGED,
    /** The contact joined a list. */
    LIST_SUBSCRIBED,
    /** The contact left a list. */
    LIST_UNSUBSCRIBED
}
