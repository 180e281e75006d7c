package org.herald.contacts.internal;

import static org.herald.contacts.OptInStatus.CONFIRMED;
import static org.herald.contacts.OptInStatus.INACTIVE;
import static org.herald.contacts.OptInStatus.PENDING;
import static org.herald.contacts.OptInStatus.UNKNOWN;
import static org.herald.contacts.OptInStatus.UNSUBSCRIBED;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.herald.common.ConflictException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.OptInStatus;
import org.herald.store.ContactRecord;

/**
 * Which opt-in status changes are allowed, and to whom. Admin, API, import and queue changes
 * follow {@link #ALLOWED}; leaving UNSUBSCRIBED or INACTIVE for PENDING or CONFIRMED takes the
 * contact's own act (form with confirmation, preference page). Nothing goes back to UNKNOWN.
 * <p>
 * List memberships follow the same idea ({@link #checkListJoin}): a contact who is UNSUBSCRIBED, or
 * who left a list by their own act (its latest ledger entry is a leave from the unsubscribe link,
 * the preference page, the "one message" choice or a complaint), is put on that list again only by
 * their own act (a form, the preference page); an admin, the API, the queue or an import cannot.
 */
final class StatusRules {

    private static final Map<OptInStatus, Set<OptInStatus>> ALLOWED = Map.of(
            UNKNOWN, EnumSet.of(PENDING, CONFIRMED, UNSUBSCRIBED, INACTIVE),
            PENDING, EnumSet.of(CONFIRMED, UNSUBSCRIBED, INACTIVE),
            CONFIRMED, EnumSet.of(UNSUBSCRIBED, INACTIVE),
            UNSUBSCRIBED, EnumSet.of(INACTIVE),
            INACTIVE, EnumSet.of(UNSUBSCRIBED));

    private StatusRules() {
    }

    /** Whether a leave from a list with this source was the contact's own decision. */
    static boolean isOwnLeave(ConsentSource source) {
        return source.isContactsOwnAct() || source == ConsentSource.ONE_MESSAGE
                || source == ConsentSource.FEEDBACK_COMPLAINT;
    }

    /**
     * Whether a ledger entry records the contact's own decision: by its source, or a change on the
     * preference page (MANAGE by {@link ChangeContext#SUBSCRIBER} with the proof of the request).
     */
    static boolean isOwnLeave(ConsentEntry e) {
        return isOwnLeave(e.source()) || (e.source() == ConsentSource.MANAGE && ChangeContext.SUBSCRIBER.equals(e.actor())
                && e.ip() != null);
    }

    /**
     * Throws the ConflictException that explains why {@code before} may not join {@code list} by
     * this change: the contact is UNSUBSCRIBED, or {@code latest} (the latest ledger entry of that
     * list) is the contact's own leave, and the change is not the contact's own act. A new contact
     * ({@code before == null}) may join any list.
     */
    static void checkListJoin(ContactRecord before, String list, ConsentEntry latest, ChangeContext context) {
        if (before == null || context.isContactsOwnAct()) {
            return;
        }
        if (before.status() == UNSUBSCRIBED) {
            throw new ConflictException("contact " + before.email() + " (" + before.id() + ") is UNSUBSCRIBED: "
                    + context.source() + " changes cannot put it on the list '" + list + "'; only the contact's own "
                    + "subscription (a form with its confirmation link, or the preference page) can");
        }
        if (latest != null && latest.action() == ConsentAction.LIST_UNSUBSCRIBED && latest.source() != null
                && isOwnLeave(latest)) {
            throw new ConflictException("contact " + before.email() + " (" + before.id() + ") left the list '" + list
                    + "' themselves (" + latest.source() + (latest.at() == null ? "" : ", " + latest.at()) + "): "
                    + context.source() + " changes cannot put it back; only the contact's own subscription (a form "
                    + "with its confirmation link, or the preference page) can");
        }
    }

    static boolean allowed(OptInStatus from, OptInStatus to, ChangeContext context) {
        if (from == to) {
            return true;
        }
        if (ALLOWED.get(from).contains(to)) {
            return true;
        }
        return from.isLocked() && (to == PENDING || to == CONFIRMED) && context.isContactsOwnAct();
    }

    /** Throws the ConflictException that explains why the change is refused. */
    static void check(OptInStatus from, OptInStatus to, ChangeContext context) {
        if (allowed(from, to, context)) {
            return;
        }
        if (from.isLocked() && (to == PENDING || to == CONFIRMED)) {
            throw new ConflictException("the contact is " + from + ": only the contact's own opt-in can make it " + to
                    + " again (a subscription form with its confirmation link, or the preference page); "
                    + context.source() + " changes cannot");
        }
        if (to == UNKNOWN) {
            throw new ConflictException("opt-in status cannot go back to UNKNOWN (it is " + from + ")");
        }
        throw new ConflictException("opt-in status cannot change from " + from + " to " + to);
    }
}
