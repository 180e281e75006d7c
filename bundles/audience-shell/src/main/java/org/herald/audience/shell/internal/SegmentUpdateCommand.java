package org.herald.audience.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.segments.Segment;
import org.herald.segments.SegmentInput;
import org.herald.segments.SegmentService;
import org.herald.shell.HeraldAction;
import org.herald.shell.ShellUser;

@Service
@Command(scope = "herald", name = "segment-update", description = "Replaces the conditions (and parent list) of a segment")
public class SegmentUpdateCommand extends HeraldAction {

    @Argument(index = 0, name = "name", required = true, description = "The segment")
    @Completion(SegmentCompleter.class)
    String name;

    @Argument(index = 1, name = "conditions", multiValued = true, description = "The conditions in the textual form")
    List<String> words;

    @Option(name = "--json", description = "The conditions in JSON instead of text")
    String json;

    @Option(name = "--list", description = "The parent list (none when not given)")
    String list;

    @Reference
    SegmentService segments;

    @Override
    protected void run(PrintStream out) {
        String text = ConditionArgs.text(words);
        SegmentInput.Builder in = SegmentInput.builder(name).parentList(list);
        if (text != null) {
            in.text(text);
        }
        if (json != null) {
            in.conditions(json);
        }
        Segment s = segments.update(name, in.build(), ShellUser.current(session));
        out.println("Changed segment '" + s.name() + "': " + s.condition().text());
    }
}
