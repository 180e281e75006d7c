package org.herald.audience.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.segments.Condition;
import org.herald.segments.SegmentService;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "segment-count", description = "Counts a segment's contacts now, or the contacts matching "
        + "conditions not saved yet (herald:segment-count -c age >= 30 and tag vip)")
public class SegmentCountCommand extends HeraldAction {

    @Argument(index = 0, name = "name-or-conditions", multiValued = true,
            description = "The segment, or with -c the conditions in the textual form")
    @Completion(SegmentCompleter.class)
    List<String> args;

    @Option(name = "-c", aliases = "--conditions", description = "The arguments are conditions, not a segment name")
    boolean conditions;

    @Option(name = "--json", description = "Conditions in JSON")
    String json;

    @Option(name = "--list", description = "Within the members of this list (with --text or --json)")
    String list;

    @Reference
    SegmentService segments;

    @Override
    protected void run(PrintStream out) throws Exception {
        if (!conditions && json == null) {
            if (args == null || args.size() != 1) {
                throw error("name one segment, or give conditions with -c (herald:segment-count -c age >= 30 and tag vip)");
            }
            out.println(segments.count(args.get(0)));
            return;
        }
        Condition c = ConditionArgs.parse(segments, args, json);
        out.println(segments.count(list, c) + " contacts match: " + c.text());
    }
}
