package org.herald.contacts.shell.internal.contact;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.herald.common.ValidationException;
import org.herald.contacts.ContactExport;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.ContactService;
import org.herald.contacts.shell.internal.completers.ContactCompleter;
import org.herald.contacts.shell.internal.completers.ListNameCompleter;
import org.herald.contacts.shell.internal.completers.StatusCompleter;
import org.herald.contacts.shell.internal.completers.TagCompleter;
import org.herald.shell.Formats;
import org.herald.shell.HeraldAction;
import org.herald.shell.Json;
import org.herald.shell.completers.PathCompleter;

@Service
@Command(scope = "herald", name = "contact-export", description = "Exports one contact as JSON, or with --all many contacts as CSV or JSON",
        detailedDescription = "contact-export ID-OR-EMAIL [-o FILE]: everything stored about one contact (for a data-subject "
                + "access request). contact-export --all [--format csv|json] [-o FILE] [--list L] [--status S] [--tag T]: "
                + "the matching contacts with all fields, tags and lists. Without -o the export is printed.")
public class ContactExportCommand extends HeraldAction {

    @Option(name = "--all", description = "Export every contact matching --list, --status and --tag instead of one")
    boolean all;

    @Option(name = "--format", description = "Bulk format: csv or json (default: json for a .json file, else csv)")
    @Completion(value = StringsCompleter.class, values = { "csv", "json" })
    String format;

    @Option(name = "-o", aliases = "--output", description = "Write to this file, in the import folder (data/import/ by default), instead of the console")
    @Completion(PathCompleter.class)
    String output;

    @Option(name = "--list", aliases = "-l", description = "With --all: only members of this list")
    @Completion(ListNameCompleter.class)
    String list;

    @Option(name = "--status", aliases = "-s", description = "With --all: only contacts with this opt-in status")
    @Completion(StatusCompleter.class)
    String status;

    @Option(name = "--tag", aliases = "-t", description = "With --all: only contacts with this tag")
    @Completion(TagCompleter.class)
    String tag;

    @Argument(index = 0, name = "id-or-email", description = "The contact's id or e-mail address (leave out with --all)")
    @Completion(ContactCompleter.class)
    String idOrEmail;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) throws IOException {
        if (all) {
            if (idOrEmail != null) {
                throw new ValidationException("id-or-email", idOrEmail,
                        "give either a contact or --all, not both: --all exports every contact matching the filters");
            }
            exportAll(out);
        } else {
            if (idOrEmail == null) {
                throw new ValidationException("id-or-email", null,
                        "give the contact's id or e-mail address, or --all to export many contacts");
            }
            if (list != null || status != null || tag != null || format != null) {
                throw new ValidationException("options", null,
                        "--format, --list, --status and --tag go with --all; one contact is always exported as JSON");
            }
            exportOne(out);
        }
    }

    private void exportOne(PrintStream out) throws IOException {
        ContactExport export = contacts.export(idOrEmail);
        String json = Json.pretty(export);
        if (output == null) {
            out.println(json);
            return;
        }
        Path path = resolve(output);
        Files.writeString(path, json + System.lineSeparator(), StandardCharsets.UTF_8);
        out.println("Exported contact " + Formats.contact(export.contact()) + " to " + path);
    }

    private void exportAll(PrintStream out) throws IOException {
        String fmt = format(format, output);
        ContactQuery query = ContactFilterAction.query(status, list, tag, null, false, 0, ContactQuery.DEFAULT_LIMIT);
        if (output == null) {
            write(fmt, query, new KeepOpen(out));
            out.flush();
            return;
        }
        Path path = resolve(output);
        long count;
        try (OutputStream file = Files.newOutputStream(path)) {
            count = write(fmt, query, file);
        }
        out.println("Exported " + Formats.count(count, "contact", "contacts") + " to " + path + " (" + fmt + ")");
    }

    private long write(String fmt, ContactQuery query, OutputStream target) throws IOException {
        if ("json".equals(fmt)) {
            long n = contacts.exportJson(target, query);
            target.flush();
            return n;
        }
        Writer writer = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        long n = contacts.exportCsv(writer, query);
        writer.flush();
        return n;
    }

    /** The bulk format: as given, else from the file's extension, else csv. */
    static String format(String given, String output) {
        if (given != null) {
            String f = given.trim().toLowerCase(Locale.ROOT);
            if (!f.equals("csv") && !f.equals("json")) {
                throw new ValidationException("--format", given, "unknown format '" + given + "': use csv or json");
            }
            return f;
        }
        return output != null && output.toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "csv";
    }

    /** The console stream must stay open when a writer on top of it is closed. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
