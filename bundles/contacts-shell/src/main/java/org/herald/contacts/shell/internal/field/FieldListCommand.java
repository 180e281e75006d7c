package org.herald.contacts.shell.internal.field;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "field-list", description = "Lists the custom fields in display order")
public class FieldListCommand extends HeraldAction {

    @Reference
    FieldService fields;

    @Override
    protected void run(PrintStream out) {
        table(fields.list()).print(out);
    }

    static ShellTable table(List<FieldDefinition> definitions) {
        ShellTable table = new ShellTable();
        table.column("Position").alignRight();
        table.column("Name");
        table.column("Type");
        table.column("Label");
        table.column("Visible");
        table.column("Choices").maxSize(60);
        table.emptyTableText("No fields yet. Create one with herald:field-add NAME TYPE.");
        for (FieldDefinition f : definitions) {
            table.addRow().addContent(f.position(), f.name(), f.type().id() + (f.system() ? " (system, read-only)" : ""),
                    f.label() == null ? "" : f.label(), f.visible() ? "yes" : "no",
                    f.choices().stream().map(c -> c.value()).reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return table;
    }
}
