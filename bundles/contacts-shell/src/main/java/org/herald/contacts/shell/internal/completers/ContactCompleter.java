package org.herald.contacts.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.ContactService;
import org.herald.shell.completers.Completers;

/**
 * Completes a contact's e-mail address from what has been typed so far: asks the service for at
 * most {@value #MAX} contacts whose address contains it, so completion stays quick on any database.
 * A contact id typed in full is accepted as it is.
 */
@Service
public class ContactCompleter implements Completer {

    static final int MAX = 50;

    @Reference
    private ContactService contacts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = Completers.typed(commandLine);
        StringsCompleter delegate = new StringsCompleter();
        try {
            ContactQuery query = new ContactQuery(null, null, null, typed.isEmpty() ? null : typed, false, 0, MAX);
            for (Contact c : contacts.list(query).items()) {
                delegate.getStrings().add(c.email());
            }
            // An id (or an exact address) typed in full is valid too, so that Karaf, which checks
            // earlier arguments against their completers, goes on to complete the next argument.
            if (!typed.isEmpty() && !delegate.getStrings().contains(typed) && contacts.find(typed).isPresent()) {
                delegate.getStrings().add(typed);
            }
        } catch (RuntimeException e) {
            // Completion must never break the line being typed.
            return -1;
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
