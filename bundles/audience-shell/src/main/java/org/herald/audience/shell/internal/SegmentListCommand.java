package org.herald.audience.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.segments.Segment;
import org.herald.segments.SegmentService;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "segment-list", description = "Lists the segments (predefined first) with their live counts")
public class SegmentListCommand extends HeraldAction {

    @Option(name = "--no-count", description = "Do not count (faster on large databases)")
    boolean noCount;

    @Reference
    SegmentService segments;

    @Override
    protected void run(PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Name");
        table.column("Kind");
        table.column("Contacts").alignRight();
        table.column("List");
        table.column("Conditions").maxSize(90);
        for (Segment s : segments.list()) {
            table.addRow().addContent(s.name(), s.isPredefined() ? "predefined" : "own",
                    noCount ? "" : String.valueOf(segments.count(s.name())), s.parentList() == null ? "" : s.parentList(),
                    Formats.abbreviate(s.condition().text(), 90));
        }
        table.print(out);
    }
}
