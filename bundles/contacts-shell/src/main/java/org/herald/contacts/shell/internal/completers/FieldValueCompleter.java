package org.herald.contacts.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.herald.contacts.Choice;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldService;
import org.herald.shell.completers.Completers;

/**
 * Completes {@code -f name=value}: first the field name followed by {@code =}, then, for choice
 * fields, the choice values after the {@code =}.
 */
@Service
public class FieldValueCompleter implements Completer {

    @Reference
    private FieldService fields;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        // Only the candidate API can complete "name=" without a trailing space.
        return -1;
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        String typed = Completers.typed(commandLine);
        try {
            int eq = typed.indexOf('=');
            for (FieldDefinition f : fields.list()) {
                if (f.system()) {
                    continue;
                }
                if (eq < 0) {
                    if (f.name().startsWith(typed)) {
                        candidates.add(new Candidate(f.name() + "=", f.name(), null, f.type().id(), null, null, false));
                    }
                } else if (f.name().equals(typed.substring(0, eq)) && f.type().hasChoices()) {
                    for (Choice c : f.choices()) {
                        candidates.add(new Candidate(f.name() + "=" + c.value(), c.value(), null, null, null, null, true));
                    }
                }
            }
        } catch (RuntimeException e) {
            // Completion must never break the line being typed.
        }
    }
}
