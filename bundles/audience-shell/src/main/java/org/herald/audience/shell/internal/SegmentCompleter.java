package org.herald.audience.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.segments.Segment;
import org.herald.segments.SegmentService;

/** Completes segment names (predefined ones included). */
@Service
public class SegmentCompleter implements Completer {

    @Reference
    private SegmentService segments;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        try {
            for (Segment s : segments.list()) {
                delegate.getStrings().add(s.name());
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
