package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.ContactService;

@Service
@Command(scope = "herald", name = "contact-count", description = "Prints the number of contacts matching the filters")
public class ContactCountCommand extends ContactFilterAction {

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) {
        out.println(contacts.count(query(0, ContactQuery.DEFAULT_LIMIT)));
    }
}
