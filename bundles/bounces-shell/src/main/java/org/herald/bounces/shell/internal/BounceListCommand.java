package org.herald.bounces.shell.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.bounce.Bounce;
import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceProcessor;
import org.herald.bounce.DomainCount;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

/**
 * {@code herald:bounce-list [--class C] [--contact ID-OR-EMAIL] [--offset N] [--limit N]}: processed bounces,
 * newest first; {@code --blocked [--days N]}: blocked reports per sending domain. Remote text is escaped.
 */
@Service
@Command(scope = "herald", name = "bounce-list", description = "Lists processed bounces, complaints and auto-replies,"
        + " newest first, or (--blocked) blocked reports per sending domain")
public class BounceListCommand extends HeraldAction {

    // optional: bounce-classify in this bundle must not wait for the processor
    @Reference(optional = true)
    BounceProcessor processor;

    @Option(name = "--class", description = "Only this class: HARD, SOFT, BLOCKED, COMPLAINT, AUTOREPLY, DELIVERED, UNKNOWN")
    @Completion(value = StringsCompleter.class, values = {"HARD", "SOFT", "BLOCKED", "COMPLAINT", "AUTOREPLY",
            "DELIVERED", "UNKNOWN"})
    String bounceClass;

    @Option(name = "--contact", description = "Only the bounces of this contact (id or e-mail)")
    String contact;

    @Option(name = "--offset", description = "Skip this many (paging)")
    int offset;

    @Option(name = "--limit", description = "At most this many (default 50)")
    int limit = 50;

    @Option(name = "--blocked", description = "Blocked reports counted per sending domain instead of the list")
    boolean blocked;

    @Option(name = "--days", description = "With --blocked: over the last N days (default 30)")
    int days = 30;

    @Override
    protected void run(PrintStream out) throws Exception {
        if (processor == null) {
            throw error("bounce processing is not running: check that bundle org.herald.bounces.processing is active"
                    + " (bundle:list | grep -i bounce)");
        }
        if (blocked) {
            if (days < 1) {
                throw error("--days must be 1 or more");
            }
            List<DomainCount> counts = processor.blockedBySendingDomain(Instant.now().minus(Duration.ofDays(days)));
            ShellTable t = new ShellTable();
            t.column("Sending domain");
            t.column("Blocked").alignRight();
            t.emptyTableText("No blocked reports in the last " + days + " days.");
            counts.forEach(c -> t.addRow().addContent(Safe.text(c.domain()), c.count()));
            t.print(out);
            return;
        }
        if (limit < 1 || offset < 0) {
            throw error("--limit must be 1 or more and --offset 0 or more");
        }
        List<Bounce> list = processor.list(parseClass(bounceClass), contact, offset, limit);
        ShellTable t = table();
        list.forEach(b -> addRow(t, b));
        t.print(out);
        if (list.size() == limit) {
            out.println("More may follow: --offset " + (offset + limit));
        }
    }

    static BounceClass parseClass(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return BounceClass.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.herald.common.ValidationException("class", value, "--class must be one of HARD, SOFT, BLOCKED,"
                    + " COMPLAINT, AUTOREPLY, DELIVERED, UNKNOWN (not '" + value + "')");
        }
    }

    static ShellTable table() {
        ShellTable t = new ShellTable();
        t.column("Id").alignRight();
        t.column("Received");
        t.column("Class");
        t.column("Reason");
        t.column("Status");
        t.column("Recipient");
        t.column("Contact");
        t.column("Matched");
        t.column("Effect");
        t.column("Diagnostic").maxSize(60);
        t.emptyTableText("No bounces.");
        return t;
    }

    static void addRow(ShellTable t, Bounce b) {
        t.addRow().addContent(b.id(), Formats.time(b.receivedAt()), b.bounceClass().name(),
                b.reason() == null ? "" : b.reason().key(), Safe.text(b.status()), Safe.text(b.recipient()),
                b.contactId() == null ? "" : b.contactId(), b.matchedBy(), b.effect(),
                Safe.text(Formats.abbreviate(b.diagnostic(), 200)));
    }
}
