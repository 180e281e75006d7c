package org.herald.contacts.shell.internal.contact;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.herald.common.Page;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.ContactService;
import org.herald.shell.Args;
import org.herald.shell.Formats;

@Service
@Command(scope = "herald", name = "contact-list", description = "Lists contacts, a page at a time")
public class ContactListCommand extends ContactFilterAction {

    @Option(name = "--offset", description = "How many matching contacts to skip (default 0)")
    String offset;

    @Option(name = "--limit", description = "How many contacts to show, 1 to " + ContactQuery.MAX_LIMIT + " (default "
            + ContactQuery.DEFAULT_LIMIT + ")")
    String limit;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) {
        Page<Contact> page = contacts.list(query(Args.integer(offset, "--offset", 0),
                Args.integer(limit, "--limit", ContactQuery.DEFAULT_LIMIT)));
        table(page, deleted).print(out);
        String footer = footer(page);
        if (footer != null) {
            out.println(footer);
        }
    }

    static ShellTable table(Page<Contact> page, boolean deleted) {
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("E-mail");
        table.column("Status");
        table.column("Tags").maxSize(40);
        table.column("Lists").maxSize(40);
        table.column(deleted ? "Deleted" : "Updated");
        table.emptyTableText("No contacts match.");
        for (Contact c : page.items()) {
            table.addRow().addContent(c.id(), c.email(), c.status() == null ? "" : c.status().name(),
                    Formats.names(c.tags()), Formats.names(c.lists()),
                    Formats.time(deleted ? c.deletedAt() : c.updated()));
        }
        return table;
    }

    /** {@code Contacts 51-100 of 1234. Next page: --offset 100}, or null when nothing matched. */
    static String footer(Page<Contact> page) {
        if (page.items().isEmpty()) {
            return page.total() > 0 ? "No contacts at offset " + page.offset() + " (" + page.total() + " match)." : null;
        }
        long first = page.offset() + 1L;
        long last = page.offset() + (long) page.items().size();
        String line = "Contacts " + first + "-" + last + " of " + page.total() + ".";
        if (last < page.total()) {
            line += " Next page: --offset " + last;
        }
        return line;
    }
}
