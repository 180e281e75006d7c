package org.herald.audience.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.segments.Segment;
import org.herald.segments.SegmentInput;
import org.herald.segments.SegmentService;
import org.herald.shell.HeraldAction;
import org.herald.shell.ShellUser;

@Service
@Command(scope = "herald", name = "segment-create", description = "Creates a segment from conditions in the textual form "
        + "(herald:segment-create older-vips age >= 30 and tag vip and not opened in 90 days) or in JSON (--json)")
public class SegmentCreateCommand extends HeraldAction {

    @Argument(index = 0, name = "name", required = true, description = "The segment's name (a-z, 0-9, '_', '-')")
    String name;

    @Argument(index = 1, name = "conditions", multiValued = true, description = "The conditions in the textual form (quote values with spaces)")
    List<String> words;

    @Option(name = "--json", description = "The conditions in JSON instead of text")
    String json;

    @Option(name = "--list", description = "The parent list: the segment is a subset of its members")
    String list;

    @Option(name = "--description", description = "What the segment is for")
    String description;

    @Reference
    SegmentService segments;

    @Override
    protected void run(PrintStream out) {
        String text = ConditionArgs.text(words);
        SegmentInput.Builder in = SegmentInput.builder(name).parentList(list).description(description);
        if (json != null && text == null) {
            in.conditions(json);
        } else {
            in.text(text);
            if (json != null) {
                in.conditions(json); // both given: the service refuses with the rule
            }
        }
        Segment s = segments.create(in.build(), ShellUser.current(session));
        out.println("Created segment '" + s.name() + "': " + s.condition().text());
        out.println(segments.count(s.name()) + " contacts now (herald:segment-show " + s.name() + ")");
    }
}
