package org.herald.contacts.shell.internal.field;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Choice;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.FieldType;
import org.herald.contacts.shell.internal.completers.FieldTypeCompleter;
import org.herald.shell.Args;
import org.herald.shell.HeraldAction;
import org.herald.shell.completers.FreeTextCompleter;

@Service
@Command(scope = "herald", name = "field-add", description = "Creates a custom field",
        detailedDescription = "Names are lower-case letters a-z only. Name and type never change after creation; "
                + "choice and multichoice fields need at least one -c value (translations: herald:field-choices).")
public class FieldAddCommand extends HeraldAction {

    @Option(name = "--label", description = "The label shown on forms (default: the name)")
    String label;

    @Option(name = "-c", aliases = "--choice", multiValued = true, description = "A choice value (choice and multichoice types); repeat for more")
    List<String> choices;

    @Option(name = "--hidden", description = "Hide the field from forms and the preference page")
    boolean hidden;

    @Argument(index = 0, name = "name", required = true, description = "The field name: lower-case letters a-z")
    @Completion(FreeTextCompleter.class)
    String name;

    @Argument(index = 1, name = "type", required = true, description = "text, number, decimal, date, boolean, choice, multichoice or phone")
    @Completion(FieldTypeCompleter.class)
    String type;

    @Reference
    FieldService fields;

    @Override
    protected void run(PrintStream out) {
        FieldType fieldType = FieldType.parse(type);
        List<Choice> values = Args.nameList(choices).stream().map(v -> new Choice(v, null)).toList();
        FieldDefinition created = fields.create(name, fieldType, label, values);
        if (hidden) {
            created = fields.update(created.name(), null, null, Boolean.FALSE);
        }
        out.println("Created field " + created.name() + " (" + created.type().id() + (created.visible() ? "" : ", hidden")
                + "). Set it with: herald:contact-update -f " + created.name() + "=VALUE ID-OR-EMAIL");
    }
}
