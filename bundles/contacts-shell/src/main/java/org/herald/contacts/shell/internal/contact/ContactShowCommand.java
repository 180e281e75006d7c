package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactService;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.ContactMetrics;
import org.herald.contacts.FieldService;
import org.herald.contacts.shell.internal.event.ContactTimelineCommand;
import org.herald.events.ContactEvent;
import org.herald.events.EventService;
import org.herald.events.EventSummary;
import org.herald.segments.SegmentService;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "contact-show", description = "Shows a contact: details, fields, tags, lists, segments, score, order figures and its latest events")
public class ContactShowCommand extends HeraldAction {

    static final int TYPES_SHOWN = 5;

    @Argument(index = 0, name = "id-or-email", required = true, description = "The contact's id or e-mail address")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Reference
    ContactService contacts;

    @Reference
    FieldService fields;

    @Reference
    EventService events;

    /** Optional: the contacts commands work without the audience bundle; the card then has no segments line. */
    @Reference(optional = true)
    SegmentService segments;

    @Override
    protected void run(PrintStream out) {
        Contact c = contacts.get(idOrEmail);
        List<String> lines = card(c, fields.list());
        if (segments != null) {
            List<String> in = segments.segmentsOf(c.id());
            lines.add("Segments: " + (in.isEmpty() ? "(none)" : String.join(", ", in)));
        }
        lines.addAll(figures(c.metrics()));
        lines.addAll(timeline(c, events.summary(c.id())));
        for (String line : lines) {
            out.println(line);
        }
    }

    /** The read-only system values: {@code Score: 23 (warm)} and the e-commerce figures by their names. */
    static List<String> figures(ContactMetrics m) {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("Score: " + m.score() + (m.stage() == null ? "" : " (" + m.stage() + ")"));
        lines.add("Orders: ORDER_NUMBER=" + m.orderNumber() + " ORDER_SUMMARY=" + m.orderSummary().toPlainString()
                + " ORDER_AVG=" + m.orderAverage().toPlainString());
        return lines;
    }

    /**
     * The timeline in brief: how many events (most frequent types first), the last activity, and
     * the latest rows, with the command that shows them all.
     */
    static List<String> timeline(Contact c, EventSummary s) {
        List<String> lines = new java.util.ArrayList<>();
        if (s.total() == 0) {
            lines.add("Timeline: no events");
            return lines;
        }
        String counts = s.countsByType().entrySet().stream().limit(TYPES_SHOWN).map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        if (s.countsByType().size() > TYPES_SHOWN) {
            counts += ", …";
        }
        lines.add("Timeline: " + Formats.count(s.total(), "event", "events") + " (" + counts + ")");
        lines.add("Last activity: " + (s.lastActivity() == null ? "(none)" : Formats.time(s.lastActivity())));
        lines.add("Latest events (all: herald:contact-timeline " + c.id() + "):");
        for (ContactEvent e : s.latest()) {
            String points = ContactTimelineCommand.points(e.points());
            String props = ContactTimelineCommand.properties(e.properties(), ContactTimelineCommand.PROPERTIES_WIDTH);
            lines.add("  " + Formats.time(e.occurredAt()) + "  " + e.type() + (points.isEmpty() ? "" : " " + points)
                    + (props.isEmpty() ? "" : "  " + props));
        }
        return lines;
    }

    /**
     * The contact card as lines: details, then the fields with a value in display order (hidden
     * fields marked {@code (hidden)}, read-only system values {@code (system)}), tags and lists.
     */
    static List<String> card(Contact c, List<FieldDefinition> definitions) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("Id", c.id());
        details.put("E-mail", c.email());
        details.put("Status", c.status() == null ? "" : c.status().name());
        details.put("Monitored", c.monitored() ? "yes" : "no (activity is not recorded)");
        details.put("Created", Formats.time(c.created()));
        details.put("Updated", Formats.time(c.updated()));
        if (c.isDeleted()) {
            details.put("Deleted", Formats.time(c.deletedAt()) + " (restore with herald:contact-restore " + c.id() + ")");
        }
        List<String> lines = new java.util.ArrayList<>();
        aligned(details, lines, "");

        lines.add("Fields:");
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Object> remaining = new TreeMap<>(c.fields());
        for (FieldDefinition f : definitions) {
            if (remaining.containsKey(f.name())) {
                String mark = f.system() ? " (system)" : f.visible() ? "" : " (hidden)";
                values.put(f.name(), Formats.value(remaining.remove(f.name())) + mark);
            }
        }
        // Values of fields the definitions do not list (should not happen) are still shown.
        remaining.forEach((name, value) -> values.put(name, Formats.value(value)));
        if (values.isEmpty()) {
            lines.add("  (none)");
        }
        aligned(values, lines, "  ");

        lines.add("Tags: " + (c.tags().isEmpty() ? "(none)" : Formats.names(c.tags())));
        lines.add("Lists: " + (c.lists().isEmpty() ? "(none)" : Formats.names(c.lists())));
        return lines;
    }

    private static void aligned(Map<String, String> entries, List<String> lines, String indent) {
        int width = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
        entries.forEach((k, v) -> lines.add(indent + k + ":" + " ".repeat(width - k.length() + 1) + v));
    }
}
