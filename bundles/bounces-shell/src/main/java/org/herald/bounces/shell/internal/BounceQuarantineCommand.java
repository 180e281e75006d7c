package org.herald.bounces.shell.internal;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.bounce.BounceProcessor;
import org.herald.bounce.ProcessedBounce;
import org.herald.bounce.QuarantinedBounce;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

/**
 * {@code herald:bounce-quarantine [list]}, {@code retry ID}, {@code delete ID}: the received messages Herald
 * could not act on. Retry processes one again (after a fix or a new rule); delete drops it for good.
 */
@Service
@Command(scope = "herald", name = "bounce-quarantine", description = "Lists, retries or deletes quarantined bounce"
        + " mailbox messages (those Herald could not act on)")
public class BounceQuarantineCommand extends HeraldAction {

    @Reference(optional = true)
    BounceProcessor processor;

    @Argument(index = 0, name = "action", description = "list (default), retry or delete")
    @Completion(value = StringsCompleter.class, values = {"list", "retry", "delete"})
    String action = "list";

    @Argument(index = 1, name = "id", description = "The quarantined message's id (retry, delete)")
    Long id;

    @Option(name = "--offset", description = "list: skip this many")
    int offset;

    @Option(name = "--limit", description = "list: at most this many (default 50)")
    int limit = 50;

    @Override
    protected void run(PrintStream out) throws Exception {
        if (processor == null) {
            throw error("bounce processing is not running: check that bundle org.herald.bounces.processing is active"
                    + " (bundle:list | grep -i bounce)");
        }
        switch (action) {
            case "list" -> list(out);
            case "retry" -> {
                ProcessedBounce r = processor.retryQuarantined(requireId());
                switch (r.disposition()) {
                    case APPLIED -> out.println("Applied: " + Formats.count(r.bounces().size(), "record", "records")
                            + "; the message left the quarantine.");
                    case DUPLICATE -> out.println("Already processed before; the message left the quarantine.");
                    case QUARANTINED -> out.println("Still quarantined: " + Safe.text(r.note()));
                }
            }
            case "delete" -> {
                processor.deleteQuarantined(requireId());
                out.println("Deleted quarantined message " + id + ".");
            }
            default -> throw error("unknown action '" + Safe.text(action) + "': use list, retry ID or delete ID");
        }
    }

    private long requireId() throws Exception {
        if (id == null) {
            throw error(action + " needs the id of a quarantined message (herald:bounce-quarantine list)");
        }
        return id;
    }

    private void list(PrintStream out) throws Exception {
        if (limit < 1 || offset < 0) {
            throw error("--limit must be 1 or more and --offset 0 or more");
        }
        List<QuarantinedBounce> list = processor.quarantined(offset, limit);
        ShellTable t = table();
        list.forEach(q -> addRow(t, q));
        t.print(out);
    }

    static ShellTable table() {
        ShellTable t = new ShellTable();
        t.column("Id").alignRight();
        t.column("Received");
        t.column("Source");
        t.column("Bytes").alignRight();
        t.column("Reason").maxSize(70);
        t.emptyTableText("The quarantine is empty.");
        return t;
    }

    static void addRow(ShellTable t, QuarantinedBounce q) {
        t.addRow().addContent(q.id(), Formats.time(q.receivedAt()), Safe.text(q.source()), q.size(),
                Safe.text(Formats.abbreviate(q.reason(), 300)));
    }
}
