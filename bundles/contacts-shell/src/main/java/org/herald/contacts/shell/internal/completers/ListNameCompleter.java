package org.herald.contacts.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.contacts.ListService;
import org.herald.contacts.MailingList;

/** Completes list names. */
@Service
public class ListNameCompleter implements Completer {

    @Reference
    private ListService lists;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            for (MailingList l : lists.list()) {
                delegate.getStrings().add(l.name());
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
