package org.herald.contacts.shell.internal.list;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.ListService;
import org.herald.contacts.MailingList;
import org.herald.contacts.shell.internal.completers.ListNameCompleter;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "list-rename", description = "Renames a list; its members and texts stay")
public class ListRenameCommand extends HeraldAction {

    @Argument(index = 0, name = "name", required = true, description = "The list's current name")
    @Completion(ListNameCompleter.class)
    String name;

    @Argument(index = 1, name = "new-name", required = true, description = "The new name")
    String newName;

    @Reference
    ListService lists;

    @Override
    protected void run(PrintStream out) {
        MailingList renamed = lists.rename(name, newName);
        out.println("Renamed list " + name + " to " + renamed.name());
    }
}
