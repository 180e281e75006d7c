package org.herald.audience.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.segments.Engagement;
import org.herald.segments.EngagementChange;
import org.herald.segments.EngagementService;
import org.herald.segments.EngagementShares;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "engagement", description = "Shows engaged and unengaged contacts, overall and per opt-in status, and the change over the last 30 days")
public class EngagementCommand extends HeraldAction {

    @Reference
    EngagementService engagement;

    @Override
    protected void run(PrintStream out) {
        Engagement e = engagement.engagement();
        out.println("Engaged = an interaction in the last " + e.windowDays() + " days, or younger than that");
        ShellTable table = new ShellTable();
        table.column("Group");
        table.column("Engaged").alignRight();
        table.column("%").alignRight();
        table.column("Unengaged").alignRight();
        table.column("%").alignRight();
        row(table, e.overall());
        e.byStatus().forEach(s -> row(table, s));
        table.print(out);
        EngagementChange c = e.change();
        if (c.since() == null) {
            out.println("Change over " + e.changeDays() + " days: no snapshot that old yet (one is taken every day)");
        } else {
            out.println("Change since " + c.since() + ": new contacts " + (c.newEngaged() + c.newUnengaged()) + " (engaged "
                    + c.newEngaged() + ", unengaged " + c.newUnengaged() + "); became engaged " + c.becameEngaged()
                    + "; became unengaged " + c.becameUnengaged() + "; unsubscribed " + c.unsubscribed());
        }
    }

    private static void row(ShellTable table, EngagementShares s) {
        table.addRow().addContent(s.group(), s.engaged(), s.engagedShare().toPlainString(), s.unengaged(),
                s.unengagedShare().toPlainString());
    }
}
