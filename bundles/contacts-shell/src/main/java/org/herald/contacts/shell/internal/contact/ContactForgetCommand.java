package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.common.HeraldException;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.ContactService;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "contact-forget", description = "Erases a contact and everything about it, irreversibly",
        detailedDescription = "Without --yes it only says what would be erased. Only a salted hash of the address is kept, "
                + "so imports and admins cannot add the address again; the person may still subscribe again through a form.")
public class ContactForgetCommand extends HeraldAction {

    @Option(name = "--yes", description = "Really erase (without it the command only says what it would erase)")
    boolean yes;

    @Argument(index = 0, name = "id-or-email", required = true, description = "The contact's id or e-mail address")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) {
        // A soft-deleted contact can be forgotten too; find() only sees live ones.
        Contact c = contacts.find(idOrEmail).or(() -> findDeleted(idOrEmail)).orElse(null);
        if (!yes) {
            if (c == null) {
                contacts.get(idOrEmail); // throws the service's "not found" message
                return;
            }
            out.println(preview(c, consentEntries(c)));
            return;
        }
        contacts.forget(c != null ? c.id() : idOrEmail, changeContext());
        out.println("Erased contact " + (c != null ? Formats.contact(c) : idOrEmail)
                + ". Only a salted hash of the address is kept, so it is not added again by imports.");
    }

    private Optional<Contact> findDeleted(String value) {
        if (value.indexOf('@') < 0) {
            return Optional.empty();
        }
        ContactQuery deleted = new ContactQuery(null, null, null, value.trim(), true, 0, 10);
        return contacts.list(deleted).items().stream().filter(x -> x.email().equalsIgnoreCase(value.trim())).findFirst();
    }

    private int consentEntries(Contact c) {
        try {
            return contacts.consentHistory(c.id()).size();
        } catch (HeraldException e) {
            return -1;
        }
    }

    /** What --yes would erase, and how to do it. */
    static String preview(Contact c, int consentEntries) {
        return "Would erase contact " + Formats.contact(c) + ": "
                + Formats.count(c.fields().size(), "field value", "field values") + ", "
                + Formats.count(c.tags().size(), "tag", "tags") + ", "
                + Formats.count(c.lists().size(), "list membership", "list memberships") + ", "
                + (consentEntries < 0 ? "its consent history"
                        : Formats.count(consentEntries, "consent entry", "consent entries"))
                + ". This cannot be undone. Run again with --yes to erase: herald:contact-forget --yes " + c.id();
    }
}
