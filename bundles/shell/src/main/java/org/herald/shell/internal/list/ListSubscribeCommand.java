package org.herald.shell.internal.list;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.shell.internal.Formats;
import org.herald.shell.internal.completers.ContactCompleter;
import org.herald.shell.internal.completers.ListNameCompleter;

@Service
@Command(scope = "herald", name = "list-subscribe", description = "Subscribes contacts to a list")
public class ListSubscribeCommand extends MembershipAction {

    @Argument(index = 0, name = "list", required = true, description = "The list's name")
    @Completion(ListNameCompleter.class)
    String list;

    @Argument(index = 1, name = "id-or-email", required = true, multiValued = true, description = "The contacts' ids or e-mail addresses")
    @Completion(ContactCompleter.class)
    List<String> idsOrEmails;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) throws Exception {
        forEach(out, idsOrEmails, "subscribed to " + list, target -> {
            Contact c = contacts.subscribe(target, list, changeContext());
            return "Subscribed contact " + Formats.contact(c) + " to " + list;
        });
    }
}
