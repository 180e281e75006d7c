package org.herald.contacts.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;

/** Completes the names of custom fields (system fields are read-only and left out). */
@Service
public class FieldNameCompleter implements Completer {

    @Reference
    private FieldService fields;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            for (FieldDefinition f : fields.list()) {
                if (!f.system()) {
                    delegate.getStrings().add(f.name());
                }
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
