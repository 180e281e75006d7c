package org.herald.contacts.shell.internal.list;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Contact;
import org.herald.shell.Formats;

@Service
@Command(scope = "herald", name = "list-subscribe", description = "Subscribes contacts to a list")
public class ListSubscribeCommand extends MembershipAction {

    @Override
    protected void run(PrintStream out) throws Exception {
        forEachContact(out, "subscribed to " + list, target -> {
            Contact c = contacts.subscribe(target, list, changeContext());
            return "Subscribed contact " + Formats.contact(c) + " to " + list;
        });
    }
}
