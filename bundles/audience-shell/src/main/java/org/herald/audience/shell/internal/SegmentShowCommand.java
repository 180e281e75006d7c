package org.herald.audience.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.herald.common.Page;
import org.herald.contacts.Contact;
import org.herald.segments.Segment;
import org.herald.segments.SegmentService;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;

@Service
@Command(scope = "herald", name = "segment-show", description = "Shows a segment: its conditions (text and JSON), its count and its first contacts")
public class SegmentShowCommand extends HeraldAction {

    @Argument(index = 0, name = "name", required = true, description = "The segment")
    @Completion(SegmentCompleter.class)
    String name;

    @Option(name = "--limit", description = "How many contacts to show (default 10)")
    int limit = 10;

    @Option(name = "--offset", description = "Contacts to skip")
    int offset;

    @Reference
    SegmentService segments;

    @Override
    protected void run(PrintStream out) {
        Segment s = segments.get(name);
        out.println("Segment:    " + s.name() + (s.isPredefined() ? " (predefined; herald:segment-copy " + s.name() + " NEW to edit)" : ""));
        if (s.description() != null) {
            out.println("About:      " + s.description());
        }
        out.println("Parent list: " + (s.parentList() == null ? "(none)" : s.parentList()));
        out.println("Conditions: " + s.condition().text());
        out.println("JSON:       " + s.condition().json());
        Page<Contact> page = segments.contacts(name, offset, Math.max(1, limit));
        out.println("Contacts:   " + page.total());
        for (Contact c : page.items()) {
            out.println("  " + Formats.contact(c));
        }
        if (page.total() > offset + page.items().size()) {
            out.println("  … (herald:segment-show " + name + " --offset " + (offset + page.items().size())
                    + ", or herald:segment-export " + name + " FILE)");
        }
    }
}
