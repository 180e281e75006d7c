package org.herald.contacts.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.contacts.TagService;

/** Completes the tags in use. */
@Service
public class TagCompleter implements Completer {

    @Reference
    private TagService tags;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            for (TagService.TagCount t : tags.tags()) {
                delegate.getStrings().add(t.name());
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
