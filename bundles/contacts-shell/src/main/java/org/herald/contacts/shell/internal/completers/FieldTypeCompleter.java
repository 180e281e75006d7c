package org.herald.contacts.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.contacts.FieldType;

/** Completes field types: text, number, decimal, date, boolean, choice, multichoice, phone. */
@Service
public class FieldTypeCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (FieldType t : FieldType.values()) {
            delegate.getStrings().add(t.id());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
