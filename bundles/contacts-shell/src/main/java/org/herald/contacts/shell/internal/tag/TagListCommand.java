package org.herald.contacts.shell.internal.tag;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.contacts.TagService;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "tag-list", description = "Lists every tag in use with its number of contacts")
public class TagListCommand extends HeraldAction {

    @Reference
    TagService tags;

    @Override
    protected void run(PrintStream out) {
        table(tags.tags()).print(out);
    }

    static ShellTable table(List<TagService.TagCount> tags) {
        ShellTable table = new ShellTable();
        table.column("Tag");
        table.column("Contacts").alignRight();
        table.emptyTableText("No tags in use.");
        for (TagService.TagCount t : tags) {
            table.addRow().addContent(t.name(), t.contacts());
        }
        return table;
    }
}
