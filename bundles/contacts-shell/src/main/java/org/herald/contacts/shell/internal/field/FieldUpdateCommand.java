package org.herald.contacts.shell.internal.field;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.common.ValidationException;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.contacts.shell.internal.completers.FieldNameCompleter;
import org.herald.shell.Args;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "field-update", description = "Changes a field's label, display position or visibility",
        detailedDescription = "A field's name and type never change; hidden fields never appear on forms or the preference page.")
public class FieldUpdateCommand extends HeraldAction {

    @Option(name = "--label", description = "The new label")
    String label;

    @Option(name = "--position", description = "The new display position")
    String position;

    @Option(name = "--visible", description = "true to show the field on forms and the preference page, false to hide it")
    @Completion(value = StringsCompleter.class, values = { "true", "false" })
    String visible;

    @Argument(index = 0, name = "name", required = true, description = "The field name")
    @Completion(FieldNameCompleter.class)
    String name;

    @Reference
    FieldService fields;

    @Override
    protected void run(PrintStream out) {
        Boolean show = Args.bool(visible, "--visible");
        Integer pos = Args.integer(position, "--position", null);
        if (label == null && pos == null && show == null) {
            throw new ValidationException("options", null, "nothing to change: give --label, --position or --visible");
        }
        FieldDefinition f = fields.update(name, label, pos, show);
        out.println("Updated field " + f.name() + ": label '" + (f.label() == null ? "" : f.label()) + "', position "
                + f.position() + ", " + (f.visible() ? "visible" : "hidden"));
    }
}
