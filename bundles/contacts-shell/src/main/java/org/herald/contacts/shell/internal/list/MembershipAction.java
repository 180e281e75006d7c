package org.herald.contacts.shell.internal.list;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.herald.common.HeraldException;
import org.herald.contacts.ContactService;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.contacts.shell.internal.completers.ListNameCompleter;
import org.herald.shell.HeraldAction;

/**
 * A list and the contacts to change on it ({@code <list> <id-or-email>...}), shared by
 * list-subscribe and list-unsubscribe. The change is applied to each contact: each is tried, one that
 * fails does not stop the others, and the command fails at the end if any did, naming how many.
 */
abstract class MembershipAction extends HeraldAction {

    @Argument(index = 0, name = "list", required = true, description = "The list's name")
    @Completion(ListNameCompleter.class)
    String list;

    @Argument(index = 1, name = "id-or-email", required = true, multiValued = true, description = "The contacts' ids or e-mail addresses")
    @Completion(ContactCompleter.class)
    List<String> idsOrEmails;

    @Reference
    ContactService contacts;

    /**
     * Applies {@code change} to every contact given and prints what it returns; {@code what} completes
     * the failure message "N of M contacts could not be ...".
     */
    void forEachContact(PrintStream out, String what, Function<String, String> change) throws Exception {
        int failed = 0;
        for (String target : idsOrEmails) {
            try {
                out.println(change.apply(target));
            } catch (HeraldException e) {
                failed++;
                out.println("Error: " + target + ": " + e.getMessage());
            }
        }
        if (failed > 0) {
            throw error(failed + " of " + idsOrEmails.size() + " contacts could not be " + what + " (see above)");
        }
    }
}
