package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "contact-restore", description = "Restores a deleted contact that has not been purged yet")
public class ContactRestoreCommand extends HeraldAction {

    // No completion: the completer offers live contacts, and this command wants deleted ones
    // (herald:contact-list --deleted shows them).
    @Argument(index = 0, name = "id-or-email", required = true, description = "The deleted contact's id or e-mail address")
    String idOrEmail;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) {
        Contact c = contacts.restore(idOrEmail, changeContext());
        out.println("Restored contact " + Formats.contact(c));
    }
}
