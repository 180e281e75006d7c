package org.herald.contacts.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.contacts.OptInStatus;

/** Completes opt-in statuses (typed in any case). */
@Service
public class StatusCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter(false);
        for (OptInStatus s : OptInStatus.values()) {
            delegate.getStrings().add(s.name());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
