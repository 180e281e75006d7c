package org.herald.contacts.shell.internal.event;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.common.Page;
import org.herald.common.ValidationException;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.contacts.shell.internal.completers.EventTypeCompleter;
import org.herald.events.ContactEvent;
import org.herald.events.EventService;
import org.herald.events.TimelineQuery;
import org.herald.shell.Args;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;
import org.herald.shell.Json;

@Service
@Command(scope = "herald", name = "contact-timeline", description = "Shows a contact's events, newest first, a page at a time",
        detailedDescription = "One row per event: when it happened, its type, the lead-score points it gave, its source "
                + "and actor, and its properties in brief. --type (repeatable, or comma-separated) keeps only those "
                + "types; --since (inclusive) and --until (exclusive) take 2026-11-30T10:15:30Z or a date.")
public class ContactTimelineCommand extends HeraldAction {

    public static final int PROPERTIES_WIDTH = 60;

    @Option(name = "--type", multiValued = true, description = "Only events of this type; repeat or separate with commas")
    @Completion(EventTypeCompleter.class)
    List<String> types;

    @Option(name = "--since", description = "From this time (inclusive): 2026-11-30T10:15:30Z or 2026-11-30")
    String since;

    @Option(name = "--until", description = "Before this time (exclusive)")
    String until;

    @Option(name = "--offset", description = "How many matching events to skip (default 0)")
    String offset;

    @Option(name = "--limit", description = "How many events to show, 1 to " + TimelineQuery.MAX_LIMIT + " (default "
            + TimelineQuery.DEFAULT_LIMIT + ")")
    String limit;

    @Argument(index = 0, name = "id-or-email", required = true, description = "The contact's id or e-mail address")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Reference
    EventService events;

    @Override
    protected void run(PrintStream out) {
        var from = EventArgs.time(since, "--since");
        var to = EventArgs.time(until, "--until");
        if (from != null && to != null && !to.isAfter(from)) {
            throw new ValidationException("--until", until, "option --until '" + until + "' must be after --since '" + since + "'");
        }
        TimelineQuery query = TimelineQuery.latest().withTypes(EventArgs.types(types)).withSince(from).withUntil(to)
                .withPage(Args.integer(offset, "--offset", 0), Args.integer(limit, "--limit", TimelineQuery.DEFAULT_LIMIT));
        Page<ContactEvent> page = events.timeline(idOrEmail, query);
        table(page.items()).print(out);
        String footer = footer(page);
        if (footer != null) {
            out.println(footer);
        }
    }

    static ShellTable table(List<ContactEvent> events) {
        ShellTable table = new ShellTable();
        table.column("Time");
        table.column("Type");
        table.column("Points").alignRight();
        table.column("Source/actor");
        table.column("Properties").maxSize(PROPERTIES_WIDTH);
        table.emptyTableText("No events match.");
        for (ContactEvent e : events) {
            table.addRow().addContent(Formats.time(e.occurredAt()), e.type(), points(e.points()), origin(e),
                    properties(e.properties(), PROPERTIES_WIDTH));
        }
        return table;
    }

    /** {@code +10}, {@code -2}, or nothing when the event gave none or was not scored. */
    public static String points(Integer points) {
        if (points == null || points == 0) {
            return "";
        }
        return points > 0 ? "+" + points : points.toString();
    }

    /** {@code MANAGE/admin}, {@code shop/api-user}, or what of it is known. */
    static String origin(ContactEvent e) {
        String source = e.source() == null ? "" : e.source();
        return e.actor() == null || e.actor().isBlank() ? source : source + "/" + e.actor();
    }

    /**
     * {@code value=49.90, currency=EUR, items=[…]} on one line: nested values as compact JSON,
     * control characters escaped so that no value can break the table, cut to {@code max}.
     */
    public static String properties(Map<String, Object> properties, int max) {
        StringJoiner line = new StringJoiner(", ");
        properties.forEach((k, v) -> line.add(escape(k) + "=" + escape(v instanceof Map || v instanceof List
                ? Json.line(v) : Formats.value(v))));
        return Formats.abbreviate(line.toString(), max);
    }

    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** {@code Events 1-50 of 120. Next page: --offset 50}, or null when there are none at all. */
    static String footer(Page<ContactEvent> page) {
        if (page.items().isEmpty()) {
            return page.total() > 0 ? "No events at offset " + page.offset() + " (" + page.total() + " match)." : null;
        }
        long first = page.offset() + 1L;
        long last = page.offset() + (long) page.items().size();
        String line = "Events " + first + "-" + last + " of " + page.total() + ".";
        if (last < page.total()) {
            line += " Next page: --offset " + last;
        }
        return line;
    }
}
