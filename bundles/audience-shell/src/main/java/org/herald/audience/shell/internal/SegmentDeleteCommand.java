package org.herald.audience.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.segments.SegmentService;
import org.herald.shell.HeraldAction;
import org.herald.shell.ShellUser;

@Service
@Command(scope = "herald", name = "segment-delete", description = "Deletes a segment (its contacts stay)")
public class SegmentDeleteCommand extends HeraldAction {

    @Argument(index = 0, name = "name", required = true, description = "The segment")
    @Completion(SegmentCompleter.class)
    String name;

    @Reference
    SegmentService segments;

    @Override
    protected void run(PrintStream out) {
        segments.delete(name, ShellUser.current(session));
        out.println("Deleted segment '" + name + "'; its contacts are unchanged");
    }
}
