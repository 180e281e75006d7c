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
import org.herald.contacts.OptInStatus;

/**
 * Which opt-in status changes are allowed, and to whom. Admin, API, import and queue changes
 * follow {@link #ALLOWED}; leaving UNSUBSCRIBED or INACTIVE for PENDING or CONFIRMED takes the
 * contact's own act (form with confirmation, preference page). Nothing goes back to UNKNOWN.
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
