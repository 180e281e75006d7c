package org.herald.shell.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;

/**
 * For arguments that take any new text (a new field or list name). It offers only what has been
 * typed: Karaf checks every earlier argument against its completer before completing a later one,
 * and an argument with no completer would stop completion of the arguments after it.
 */
@Service
public class FreeTextCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        String typed = Completers.typed(commandLine);
        if (typed.isEmpty()) {
            return -1;
        }
        candidates.add(typed);
        return commandLine.getBufferPosition() - commandLine.getArgumentPosition();
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        String typed = Completers.typed(commandLine);
        if (!typed.isEmpty()) {
            candidates.add(new Candidate(typed, true));
        }
    }
}
