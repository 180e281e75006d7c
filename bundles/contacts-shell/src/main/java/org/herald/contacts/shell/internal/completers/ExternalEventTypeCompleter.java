package org.herald.contacts.shell.internal.completers;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.herald.events.EventTypes;

/** Completes the event types an event may be sent with ({@link EventTypes#EXTERNAL}); Herald's own are refused on input. */
@Service
public class ExternalEventTypeCompleter implements Completer {

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return EventTypeCompleter.complete(EventTypes.EXTERNAL, session, commandLine, candidates);
    }
}
