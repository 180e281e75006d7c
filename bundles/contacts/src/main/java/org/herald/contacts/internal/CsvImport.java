package org.herald.contacts.internal;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.herald.common.RejectedException;
import org.herald.common.TransientException;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.ImportProgress;
import org.herald.contacts.ImportReport;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.UpsertResult.Outcome;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.ContactWrite;
import org.herald.store.DuplicateKeyException;
import org.herald.store.FieldRecord;
import org.herald.store.StaleRecordException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One CSV import. Rows are read and validated one by one but written in batches: per batch one
 * lookup of the existing addresses and one of the suppressed ones, then one JDBC batch
 * transaction through the store's bulk session. Each row goes through {@link ContactChanges}
 * exactly like a single upsert (import mode: status only for new contacts or to reduce mailing).
 * A bad row is reported with its record number (header = row 1) and never stops the rest.
 */
final class CsvImport {

    private static final Logger LOG = LoggerFactory.getLogger(CsvImport.class);
    private static final int ATTEMPTS = 3;
    /** Columns of Herald's own export that are not input: ids, times and the read-only system values. */
    private static final Set<String> IGNORED_COLUMNS = Set.of("id", "created", "updated", "deletedat", "score", "stage",
            "order_number", "order_summary", "order_avg");

    private enum Kind { EMAIL, STATUS, TAGS, LISTS, MONITORED, FIELD, IGNORED }

    private record Column(int index, Kind kind, String name) {
    }

    /** A parsed data row: an error already, or the input to apply. */
    private record Row(long number, Emails.Address address, ContactInput input, String error) {
    }

    /** What one batch does to one address: the stored state before, the state after, the entries to append. */
    private static final class Pending {
        final ContactRecord before;
        ContactRecord after;
        final List<org.herald.contacts.ConsentEntry> consent = new ArrayList<>();
        final List<org.herald.store.EventWrite> events = new ArrayList<>();

        Pending(ContactRecord before) {
            this.before = before;
        }
    }

    private final DefaultContactService service;
    private final ContactStore store;
    private final ImportOptions options;
    private final ChangeContext who;
    private final ImportProgress progress;
    private final Emails emails;
    private final int batchSize;
    private final ContactChanges.Mode mode;

    private Map<String, FieldRecord> fields;
    private int headerSize;
    private Set<String> listNames;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private final List<ImportReport.RowError> errors = new ArrayList<>();

    CsvImport(DefaultContactService service, ImportOptions options, ChangeContext who, ImportProgress progress) {
        this.service = service;
        this.store = service.store();
        this.options = options;
        this.who = who;
        this.progress = progress;
        this.emails = service.settings().emails();
        this.batchSize = service.settings().batchSize();
        this.mode = options.overwrite() ? ContactChanges.Mode.IMPORT_OVERWRITE : ContactChanges.Mode.IMPORT_FILL_BLANKS;
    }

    ImportReport run(Reader csv) throws IOException {
        fields = new LinkedHashMap<>();
        for (FieldRecord f : service.fieldStore().fields()) {
            fields.put(f.name(), f);
        }
        listNames = service.listStore().listNames();
        for (String list : options.lists()) {
            if (!listNames.contains(list)) {
                throw new ValidationException("lists", list, "list '" + list + "' does not exist: create it first "
                        + "(list-create); nothing was imported");
            }
        }
        for (String tag : options.tags()) {
            Names.tag(tag);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setIgnoreEmptyLines(true).get();
        long rowsRead = 0;
        try (CSVParser parser = format.parse(withoutBom(csv));
                ContactStore.BulkSession bulk = store.openBulk()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new ValidationException("csv", null, "the file is empty: the first row must name the columns "
                        + "(email, status, tags, lists and field names)");
            }
            List<Column> columns = header(records.next());
            List<Row> batch = new ArrayList<>(batchSize);
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    process(bulk, batch);
                    batch.clear();
                    reject(parser.getRecordNumber() + 1, "the CSV is malformed here (" + rootMessage(e)
                            + "); the rest of the file was not read");
                    break;
                }
                rowsRead++;
                batch.add(row(record, columns));
                if (batch.size() >= batchSize) {
                    process(bulk, batch);
                    batch.clear();
                    progress.onProgress(rowsRead, report());
                }
            }
            if (!batch.isEmpty()) {
                process(bulk, batch);
                progress.onProgress(rowsRead, report());
            }
        }
        ImportReport report = report();
        LOG.info("Import by {}: {} created, {} updated, {} unchanged, {} rejected", who.actor(), created, updated,
                unchanged, rejected);
        return report;
    }

    private ImportReport report() {
        return new ImportReport(created, updated, unchanged, rejected, errors);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    static Reader withoutBom(Reader in) throws IOException {
        PushbackReader reader = new PushbackReader(in, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    private List<Column> header(CSVRecord header) {
        headerSize = header.size();
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        boolean email = false;
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw new ValidationException("columns", name, "the header names the column '" + name
                        + "' twice; nothing was imported");
            }
            Kind kind = switch (name) {
                case "email" -> Kind.EMAIL;
                case "status" -> Kind.STATUS;
                case "tags" -> Kind.TAGS;
                case "lists" -> Kind.LISTS;
                case "monitored" -> Kind.MONITORED;
                default -> IGNORED_COLUMNS.contains(name) ? Kind.IGNORED : fields.containsKey(name) ? Kind.FIELD : null;
            };
            if (kind == null) {
                unknown.add(name.isEmpty() ? "(empty)" : "'" + header.get(i).strip() + "'");
                continue;
            }
            email |= kind == Kind.EMAIL;
            columns.add(new Column(i, kind, name));
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("columns", String.join(", ", unknown), "unknown columns " + String.join(", ", unknown)
                    + ": the columns are email, status, tags, lists, monitored and the custom fields "
                    + (fields.isEmpty() ? "(none yet)" : String.join(", ", new TreeSet<>(fields.keySet())))
                    + "; create missing fields first (field-add); nothing was imported");
        }
        if (!email) {
            throw new ValidationException("columns", null, "the header has no 'email' column: every contact needs its "
                    + "address; nothing was imported");
        }
        return columns;
    }

    private Row row(CSVRecord record, List<Column> columns) {
        long number = record.getRecordNumber();
        if (record.size() != headerSize) {
            return new Row(number, null, null, "the row has " + record.size() + " values but the header has "
                    + headerSize + " columns");
        }
        try {
            Emails.Address address = null;
            OptInStatus status = null;
            Boolean monitored = null;
            Map<String, Object> values = new HashMap<>();
            Set<String> tags = new LinkedHashSet<>(options.tags());
            Set<String> lists = new LinkedHashSet<>(options.lists());
            for (Column c : columns) {
                String v = c.index() < record.size() ? record.get(c.index()) : "";
                switch (c.kind()) {
                    case EMAIL -> address = emails.normalize(v);
                    case STATUS -> status = OptInStatus.parse(v);
                    case TAGS -> split(v, tags);
                    case LISTS -> {
                        Set<String> named = new LinkedHashSet<>();
                        split(v, named);
                        for (String l : named) {
                            if (!listNames.contains(l)) {
                                throw new ValidationException("lists", l, "column 'lists': list '" + l
                                        + "' does not exist (create it first with list-create)");
                            }
                        }
                        lists.addAll(named);
                    }
                    case MONITORED -> monitored = v.isBlank() ? null : parseBoolean(v);
                    case FIELD -> {
                        if (!v.isBlank()) {
                            values.put(c.name(), v);
                        }
                    }
                    case IGNORED -> { }
                }
            }
            ContactInput input = new ContactInput(address.email(), status, values, tags, Set.of(), lists, Set.of(), monitored);
            return new Row(number, address, input, null);
        } catch (ValidationException e) {
            return new Row(number, null, null, e.getMessage());
        }
    }

    private static void split(String cell, Set<String> into) {
        if (cell.isBlank()) {
            return;
        }
        for (String part : cell.split("\\|")) {
            if (!part.isBlank()) {
                into.add(part.strip());
            }
        }
    }

    private static Boolean parseBoolean(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> Boolean.TRUE;
            case "false", "no", "0" -> Boolean.FALSE;
            default -> throw new ValidationException("monitored", v, "column 'monitored': '" + v
                    + "' is not a yes/no value (true/false, yes/no, 1/0)");
        };
    }

    private void process(ContactStore.BulkSession bulk, List<Row> rows) {
        for (int attempt = 1; ; attempt++) {
            try {
                processOnce(bulk, rows);
                return;
            } catch (DuplicateKeyException | StaleRecordException e) {
                // someone else wrote one of these addresses meanwhile: read them again
                if (attempt == ATTEMPTS) {
                    throw new TransientException("the contacts of rows " + rows.get(0).number() + "-"
                            + rows.get(rows.size() - 1).number() + " kept changing during the import; import again", e);
                }
            }
        }
    }

    private void processOnce(ContactStore.BulkSession bulk, List<Row> rows) {
        Set<String> keys = new HashSet<>();
        for (Row r : rows) {
            if (r.error() == null) {
                keys.add(r.address().key());
            }
        }
        Map<String, ContactRecord> existing = keys.isEmpty() ? Map.of() : bulk.findByKeys(keys);
        Map<String, String> hashes = new HashMap<>();
        for (String key : keys) {
            if (!existing.containsKey(key)) {
                hashes.put(key, service.suppression().hash(key));
            }
        }
        Set<String> suppressed = hashes.isEmpty() ? Set.of() : service.suppressionStore().suppressed(hashes.values());

        ContactChanges.Context ctx = new ContactChanges.Context(fields, listNames, who, Instant.now());
        Map<String, ContactRecord> current = new HashMap<>(existing);
        Map<String, Pending> pending = new LinkedHashMap<>();
        long c = 0;
        long u = 0;
        long same = 0;
        List<ImportReport.RowError> rowErrors = new ArrayList<>();
        for (Row row : rows) {
            if (row.error() != null) {
                rowErrors.add(new ImportReport.RowError(row.number(), row.error()));
                continue;
            }
            String key = row.address().key();
            ContactRecord before = current.get(key);
            if (before != null && before.isDeleted()) {
                rowErrors.add(new ImportReport.RowError(row.number(), "the address " + row.address().email()
                        + " belongs to a deleted contact: restore it (contact-restore) or wait for the nightly purge"));
                continue;
            }
            if (before == null && suppressed.contains(hashes.get(key))) {
                rowErrors.add(new ImportReport.RowError(row.number(), "the address " + row.address().email() + " was "
                        + Suppression.ERASED));
                continue;
            }
            ContactChanges.Change change;
            try {
                // an existing contact keeps the spelling it has: the same key is the same address
                change = ContactChanges.apply(before, before == null ? row.address() : null,
                        before == null ? PublicIds.next() : null, row.input(), mode, ctx);
            } catch (RejectedException e) {
                // only the input's faults reject a row; a transient failure fails the import instead
                rowErrors.add(new ImportReport.RowError(row.number(), e.getMessage()));
                continue;
            }
            switch (change.outcome()) {
                case CREATED -> c++;
                case UPDATED -> u++;
                default -> same++;
            }
            if (change.outcome() != Outcome.UNCHANGED) {
                current.put(key, change.after());
                Pending p = pending.computeIfAbsent(key, k -> new Pending(existing.get(k)));
                p.after = change.after();
                p.consent.addAll(change.consent());
                p.events.addAll(change.events());
            }
        }
        if (!pending.isEmpty()) {
            List<ContactWrite> writes = new ArrayList<>(pending.size());
            for (Pending p : pending.values()) {
                writes.add(new ContactWrite(p.before, p.after, p.consent, p.events));
            }
            bulk.write(writes);
        }
        created += c;
        updated += u;
        unchanged += same;
        for (ImportReport.RowError e : rowErrors) {
            reject(e.row(), e.reason());
        }
    }

    private void reject(long row, String reason) {
        rejected++;
        if (errors.size() < ImportReport.MAX_ERRORS) {
            errors.add(new ImportReport.RowError(row, reason));
        }
    }
}
