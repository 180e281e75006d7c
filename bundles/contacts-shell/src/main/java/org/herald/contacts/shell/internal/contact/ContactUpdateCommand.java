package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.common.ValidationException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.contacts.shell.internal.completers.ListNameCompleter;
import org.herald.contacts.shell.internal.completers.StatusCompleter;
import org.herald.contacts.shell.internal.completers.TagCompleter;
import org.herald.shell.Args;
import org.herald.shell.Formats;

@Service
@Command(scope = "herald", name = "contact-update", description = "Changes a contact: address, status, fields, tags, lists",
        detailedDescription = "-f name= (empty value) clears a field. A new --email that another contact has is refused. "
                + "An UNSUBSCRIBED or INACTIVE contact keeps that status: only the contact can opt in again.")
public class ContactUpdateCommand extends ContactEditAction {

    @Option(name = "--email", description = "The new e-mail address")
    String newEmail;

    @Option(name = "-s", aliases = "--status", description = "New opt-in status: UNKNOWN, PENDING, CONFIRMED, UNSUBSCRIBED or INACTIVE")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "--untag", multiValued = true, description = "A tag to remove; repeat for more")
    @Completion(TagCompleter.class)
    List<String> untags;

    @Option(name = "-l", aliases = "--list", multiValued = true, description = "A list to subscribe to; repeat for more")
    @Completion(ListNameCompleter.class)
    List<String> lists;

    @Option(name = "--unsubscribe", multiValued = true, description = "A list to unsubscribe from; repeat for more")
    @Completion(ListNameCompleter.class)
    List<String> unsubscribes;

    @Argument(index = 0, name = "id-or-email", required = true, description = "The contact's id or e-mail address")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Override
    protected void run(PrintStream out) {
        ContactInput change = new ContactInput(ContactFilterAction.blankToNull(newEmail), OptInStatus.parse(status),
                Args.fieldValues(fields, "-f"), Args.names(tags), Args.names(untags), Args.names(lists),
                Args.names(unsubscribes), null);
        if (isEmpty(change)) {
            throw new ValidationException("options", "", "nothing to change: give --email, -s, -f name=value, -t, "
                    + "--untag, -l or --unsubscribe (see herald:contact-update --help)");
        }
        Contact updated = contacts.update(idOrEmail, change, changeContext());
        out.println("Updated contact " + Formats.contact(updated));
    }

    static boolean isEmpty(ContactInput c) {
        return c.email() == null && c.status() == null && c.fields().isEmpty() && c.tags().isEmpty()
                && c.removeTags().isEmpty() && c.lists().isEmpty() && c.unsubscribeLists().isEmpty();
    }
}
