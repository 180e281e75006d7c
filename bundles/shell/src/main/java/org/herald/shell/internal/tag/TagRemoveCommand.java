package org.herald.shell.internal.tag;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.shell.internal.Args;
import org.herald.shell.internal.Formats;
import org.herald.shell.internal.HeraldAction;
import org.herald.shell.internal.completers.ContactCompleter;
import org.herald.shell.internal.completers.TagCompleter;

@Service
@Command(scope = "herald", name = "tag-remove", description = "Removes tags from a contact")
public class TagRemoveCommand extends HeraldAction {

    @Argument(index = 0, name = "id-or-email", required = true, description = "The contact's id or e-mail address")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Argument(index = 1, name = "tags", required = true, multiValued = true, description = "The tags to remove")
    @Completion(TagCompleter.class)
    List<String> tags;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) {
        Contact c = contacts.removeTags(idOrEmail, Args.nameList(tags), changeContext());
        out.println("Untagged contact " + Formats.contact(c) + ": " + (c.tags().isEmpty() ? "no tags left" : Formats.names(c.tags())));
    }
}
