package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.UpsertResult;
import org.herald.contacts.shell.internal.completers.ListNameCompleter;
import org.herald.contacts.shell.internal.completers.StatusCompleter;
import org.herald.shell.Args;
import org.herald.shell.Formats;

@Service
@Command(scope = "herald", name = "contact-add", description = "Adds a contact, or updates the one with this e-mail address",
        detailedDescription = "Upsert keyed on the address: prints 'Created contact <id> <email>', "
                + "'Updated contact <id> <email>' or 'Unchanged contact <id> <email>'. "
                + "An UNSUBSCRIBED or INACTIVE contact keeps that status: only the contact can opt in again.")
public class ContactAddCommand extends ContactEditAction {

    @Option(name = "-s", aliases = "--status", description = "Opt-in status: UNKNOWN, PENDING, CONFIRMED, UNSUBSCRIBED or INACTIVE")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "-l", aliases = "--list", multiValued = true, description = "A list to subscribe the contact to; repeat for more")
    @Completion(ListNameCompleter.class)
    List<String> lists;

    @Argument(index = 0, name = "email", required = true, description = "The contact's e-mail address")
    String email;

    @Override
    protected void run(PrintStream out) {
        ContactInput input = new ContactInput(email, OptInStatus.parse(status), Args.fieldValues(fields, "-f"),
                Args.names(tags), null, Args.names(lists), null, null);
        UpsertResult result = contacts.upsert(input, changeContext());
        out.println(outcome(result));
    }

    /** {@code Created contact <id> <email>} and its Updated/Unchanged siblings. */
    static String outcome(UpsertResult result) {
        String verb = switch (result.outcome()) {
            case CREATED -> "Created";
            case UPDATED -> "Updated";
            case UNCHANGED -> "Unchanged";
        };
        return verb + " contact " + Formats.contact(result.contact());
    }
}
