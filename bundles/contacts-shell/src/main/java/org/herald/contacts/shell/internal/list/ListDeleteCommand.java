package org.herald.contacts.shell.internal.list;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.common.InUseException;
import org.herald.contacts.ListService;
import org.herald.contacts.shell.internal.completers.ListNameCompleter;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "list-delete", description = "Deletes a list; refused while it is in use unless --force",
        detailedDescription = "A list with members, or used by a form, campaign or automation, is only deleted with --force.")
public class ListDeleteCommand extends HeraldAction {

    @Option(name = "--force", description = "Delete even though the list is in use")
    boolean force;

    @Argument(index = 0, name = "name", required = true, description = "The list's name")
    @Completion(ListNameCompleter.class)
    String name;

    @Reference
    ListService lists;

    @Override
    protected void run(PrintStream out) throws Exception {
        try {
            lists.delete(name, force);
        } catch (InUseException e) {
            throw error(inUse(name, e.usages(), e.getMessage()));
        }
        out.println("Deleted list " + name);
    }

    /** {@code List 'news' is used by: 12 subscribed contacts; form 'x'. Use --force to delete it anyway.} */
    static String inUse(String list, List<String> usages, String fallback) {
        if (usages.isEmpty()) {
            return fallback;
        }
        return "List '" + list + "' is used by: " + String.join("; ", usages) + ". Use --force to delete it anyway.";
    }
}
