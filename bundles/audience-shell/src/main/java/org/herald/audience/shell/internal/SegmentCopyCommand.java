package org.herald.audience.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.segments.Segment;
import org.herald.segments.SegmentService;
import org.herald.shell.HeraldAction;
import org.herald.shell.ShellUser;

@Service
@Command(scope = "herald", name = "segment-copy", description = "Copies a segment (a predefined one, with today's thresholds) into a new editable segment")
public class SegmentCopyCommand extends HeraldAction {

    @Argument(index = 0, name = "name", required = true, description = "The segment to copy")
    @Completion(SegmentCompleter.class)
    String name;

    @Argument(index = 1, name = "new-name", required = true, description = "The new segment's name")
    String newName;

    @Reference
    SegmentService segments;

    @Override
    protected void run(PrintStream out) {
        Segment s = segments.copy(name, newName, ShellUser.current(session));
        out.println("Created segment '" + s.name() + "' from '" + name + "': " + s.condition().text());
    }
}
