package org.herald.contacts.shell.internal.list;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.contacts.ListService;
import org.herald.contacts.MailingList;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "list-list", description = "Lists the lists with their member counts and public names")
public class ListListCommand extends HeraldAction {

    @Reference
    ListService lists;

    @Override
    protected void run(PrintStream out) {
        table(lists.list()).print(out);
    }

    static ShellTable table(List<MailingList> lists) {
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Members").alignRight();
        table.column("Public names").maxSize(80);
        table.emptyTableText("No lists yet. Create one with herald:list-create NAME.");
        for (MailingList l : lists) {
            table.addRow().addContent(l.name(), l.members(), Formats.publicNames(l.texts()));
        }
        return table;
    }
}
