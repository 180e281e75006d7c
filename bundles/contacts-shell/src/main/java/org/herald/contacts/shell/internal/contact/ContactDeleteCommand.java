package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "contact-delete", description = "Deletes a contact; restorable until the nightly purge")
public class ContactDeleteCommand extends HeraldAction {

    @Argument(index = 0, name = "id-or-email", required = true, description = "The contact's id or e-mail address")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) {
        Contact c = contacts.delete(idOrEmail, changeContext());
        out.println("Deleted contact " + Formats.contact(c) + ". Restore it with herald:contact-restore " + c.id()
                + " before the nightly purge.");
    }
}
