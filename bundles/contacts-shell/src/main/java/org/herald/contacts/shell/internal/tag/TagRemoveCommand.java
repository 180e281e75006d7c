package org.herald.contacts.shell.internal.tag;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Contact;
import org.herald.contacts.shell.internal.completers.TagCompleter;
import org.herald.shell.Args;
import org.herald.shell.Formats;

@Service
@Command(scope = "herald", name = "tag-remove", description = "Removes tags from a contact")
public class TagRemoveCommand extends TagChangeAction {

    @Argument(index = 1, name = "tags", required = true, multiValued = true, description = "The tags to remove")
    @Completion(TagCompleter.class)
    List<String> tags;

    @Override
    protected void run(PrintStream out) {
        Contact c = contacts.removeTags(idOrEmail, Args.nameList(tags), changeContext());
        out.println("Untagged contact " + Formats.contact(c) + ": " + (c.tags().isEmpty() ? "no tags left" : Formats.names(c.tags())));
    }
}
