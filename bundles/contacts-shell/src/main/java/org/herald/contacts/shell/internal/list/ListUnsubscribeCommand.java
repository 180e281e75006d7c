package org.herald.contacts.shell.internal.list;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Contact;
import org.herald.shell.Formats;

@Service
@Command(scope = "herald", name = "list-unsubscribe", description = "Unsubscribes contacts from a list (recorded in their consent ledger)")
public class ListUnsubscribeCommand extends MembershipAction {

    @Override
    protected void run(PrintStream out) throws Exception {
        forEachContact(out, "unsubscribed from " + list, target -> {
            Contact c = contacts.unsubscribe(target, list, changeContext());
            return "Unsubscribed contact " + Formats.contact(c) + " from " + list;
        });
    }
}
