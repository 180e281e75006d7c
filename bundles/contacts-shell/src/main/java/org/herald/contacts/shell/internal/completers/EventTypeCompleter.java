package org.herald.contacts.shell.internal.completers;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.events.EventTypes;

/** Completes event type names: every type Herald knows (for filtering a timeline); custom types are typed in full. */
@Service
public class EventTypeCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        TreeSet<String> all = new TreeSet<>(EventTypes.HERALD);
        all.addAll(EventTypes.EXTERNAL);
        return complete(all, session, commandLine, candidates);
    }

    static int complete(Collection<String> names, Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter(new TreeSet<>(names));
        return delegate.complete(session, commandLine, candidates);
    }
}
