package org.herald.contacts;

/** Where a change of consent (opt-in status or list membership) came from. */
public enum ConsentSource {
    /** The REST API or an integration queue (FROM_INIT in the source documents). */
    API,
    /** An administrator at the console or in the admin UI. */
    MANAGE,
    /** The contact's own subscription form or confirmation link. */
    FORM,
    /** The unsubscribe link in a message, or the preference center. */
    MESSAGE,
    /** A spam complaint (ARF feedback loop). */
    FEEDBACK_COMPLAINT,
    /** The "one message a week" downgrade chosen at unsubscribe. */
    ONE_MESSAGE,
    /** Bounce processing. */
    BOUNCE,
    /** A CSV import. */
    IMPORT;

    /** Whether this source is the contact's own act, the only kind that may lift UNSUBSCRIBED or INACTIVE. */
    public boolean isContactsOwnAct() {
        return this == FORM || this == MESSAGE;
    }
}
