package org.herald.contacts.shell.internal.field;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.common.NotFoundException;
import org.herald.contacts.Choice;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.shell.internal.ChoiceEdits;
import org.herald.contacts.shell.internal.completers.FieldNameCompleter;
import org.herald.shell.Args;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "field-choices", description = "Shows or replaces the choice values of a choice field",
        detailedDescription = "Without values or labels it shows the choices. With values it replaces them (a value that "
                + "stays keeps its labels). --label value:lang=text sets a translation; value:lang= removes it.")
public class FieldChoicesCommand extends HeraldAction {

    @Argument(index = 0, name = "name", required = true, description = "The field name")
    @Completion(FieldNameCompleter.class)
    String name;

    @Argument(index = 1, name = "values", multiValued = true, description = "The new choice values, in display order")
    List<String> values;

    @Option(name = "--label", multiValued = true, description = "A label as value:lang=text, e.g. s:en=Small; repeat for more")
    List<String> labels;

    @Reference
    FieldService fields;

    @Override
    protected void run(PrintStream out) {
        FieldDefinition field = fields.find(name).orElseThrow(() -> new NotFoundException(
                "no field named '" + name + "': herald:field-list shows the fields"));
        if ((values == null || values.isEmpty()) && (labels == null || labels.isEmpty())) {
            if (!field.type().hasChoices()) {
                out.println("Field " + field.name() + " is of type " + field.type().id() + " and has no choices.");
                return;
            }
            table(field.choices()).print(out);
            return;
        }
        List<Choice> choices = ChoiceEdits.apply(field.name(), field.choices(), values,
                Args.choiceLabels(labels, "--label"));
        FieldDefinition updated = fields.setChoices(field.name(), choices);
        out.println("Field " + updated.name() + " now has " + Formats.count(updated.choices().size(), "choice", "choices")
                + ": " + Formats.choices(updated.choices()));
    }

    static ShellTable table(List<Choice> choices) {
        ShellTable table = new ShellTable();
        table.column("Value");
        table.column("Labels").maxSize(80);
        table.emptyTableText("No choices.");
        for (Choice c : choices) {
            table.addRow().addContent(c.value(), Formats.languageMap(c.labels()));
        }
        return table;
    }
}
