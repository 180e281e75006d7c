package org.herald.contacts.shell.internal.contact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Terminal;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ContactService;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.ImportReport;
import org.herald.contacts.shell.internal.ImportReports;
import org.herald.contacts.shell.internal.completers.ListNameCompleter;
import org.herald.contacts.shell.internal.completers.TagCompleter;
import org.herald.shell.Args;
import org.herald.shell.CountingInputStream;
import org.herald.shell.HeraldAction;
import org.herald.shell.ProgressPrinter;
import org.herald.shell.ShellUser;
import org.herald.shell.completers.PathCompleter;

@Service
@Command(scope = "herald", name = "contact-import", description = "Imports contacts from a CSV file (UTF-8, header row)",
        detailedDescription = "Columns: email (required), field names, tags, lists, status. A row for an existing address "
                + "updates that contact; a row with any invalid value is rejected whole and reported with its number and "
                + "reason; the other rows are imported. Importing the same file again changes nothing. The status column "
                + "never lifts UNSUBSCRIBED or INACTIVE. Another tool's export: --preset mailchimp|mautic|listmonk|brevo reads "
                + "it as it is; --map 'Column=target' (target: email, status, tags, lists, monitored, a field, or - to leave "
                + "it out) maps any column; --ignore-unmapped leaves out (and lists) the columns nothing maps; --dry-run "
                + "reports what would happen without writing. Ends with "
                + "'Import finished: created=N updated=N unchanged=N rejected=N' ('Dry run finished: …' for a dry run).")
public class ContactImportCommand extends HeraldAction {

    @Option(name = "-l", aliases = "--list", multiValued = true, description = "A list every imported contact joins; repeat for more")
    @Completion(ListNameCompleter.class)
    List<String> lists;

    @Option(name = "-t", aliases = "--tag", multiValued = true, description = "A tag every imported contact gets; repeat for more")
    @Completion(TagCompleter.class)
    List<String> tags;

    @Option(name = "-d", aliases = "--delimiter", description = "The column delimiter: one character such as ; or tab (default ,)")
    String delimiter;

    @Option(name = "--fill-blanks", description = "Only fill fields that are blank on existing contacts instead of overwriting them")
    boolean fillBlanks;

    @Option(name = "-m", aliases = "--map", multiValued = true,
            description = "Column mapping 'Column=target' (target: email, status, tags, lists, monitored, a field name, or - "
                    + "to leave the column out); repeat for more, e.g. --map 'First Name=firstname'")
    List<String> map;

    @Option(name = "--preset", description = "The file is another tool's export: mailchimp, mautic, listmonk or brevo "
            + "(docs/import.md says what each maps)")
    String preset;

    @Option(name = "--ignore-unmapped", description = "Leave out the columns that nothing maps (they are listed) "
            + "instead of refusing the file")
    boolean ignoreUnmapped;

    @Option(name = "--dry-run", description = "Read and check the whole file and report what the import would do, "
            + "writing nothing")
    boolean dryRun;

    @Option(name = "--errors", description = "Write every rejected row (row,reason) to this CSV file")
    @Completion(PathCompleter.class)
    String errors;

    @Argument(index = 0, name = "file", required = true, description = "The CSV file, in the import folder (data/import/ by default): its name, or a path inside it")
    @Completion(PathCompleter.class)
    String file;

    @Reference
    ContactService contacts;

    @Override
    protected void run(PrintStream out) throws IOException {
        ImportOptions.Builder builder = ImportOptions.builder().lists(Args.names(lists)).tags(Args.names(tags))
                .delimiter(Args.delimiter(delimiter, "-d")).overwrite(!fillBlanks).preset(preset)
                .ignoreUnmapped(ignoreUnmapped).dryRun(dryRun);
        if (map != null) {
            for (String m : map) {
                int eq = m.lastIndexOf('=');
                if (eq <= 0 || eq == m.length() - 1) {
                    throw new ValidationException("map", m, "--map takes 'Column=target', e.g. --map 'First Name=firstname'"
                            + " or --map 'MEMBER_RATING=-' to leave a column out");
                }
                builder.map(m.substring(0, eq), m.substring(eq + 1));
            }
        }
        ImportOptions options = builder.build();
        Path path = resolve(file);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        if (!Files.isRegularFile(path)) {
            throw new ValidationException("file", file, path + " is not a file: give the path of a CSV file");
        }
        Path errorsPath = errors == null ? null : resolve(errors);
        long size = Files.size(path);
        out.println((dryRun ? "Checking " : "Importing ") + path + " (" + size + " bytes)" + (dryRun ? ", dry run: nothing is written" : ""));
        out.flush();

        ImportReport report;
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(path));
                Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            ProgressPrinter progress = new ProgressPrinter(out, size, in::count, interactive());
            try {
                report = contacts.importCsv(reader, options, ChangeContext.importing(ShellUser.current(session)), progress);
            } finally {
                progress.finish();
            }
        }
        if (errorsPath != null) {
            try (Writer w = Files.newBufferedWriter(errorsPath, StandardCharsets.UTF_8)) {
                ImportReports.writeCsv(w, report.errors());
            }
        }
        ImportReports.print(out, report, errorsPath == null ? null : errorsPath.toString());
    }

    /** Rewrite progress in place only on a real terminal; batch runs and pipes get one line per step. */
    private boolean interactive() {
        Terminal terminal = session == null ? null : session.getTerminal();
        if (terminal == null) {
            return false;
        }
        String type = terminal.getType();
        return terminal.isAnsiSupported() && terminal.getWidth() > 0 && type != null && !type.startsWith("dumb");
    }
}
