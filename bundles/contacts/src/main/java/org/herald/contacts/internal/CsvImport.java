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
 * A bad row is reported with its row number (the physical line where its record starts, header =
 * line 1) and never stops the rest. An address the file already had (the same uniqueness key) is
 * reported as a duplicate of its first row and not applied again, so that importing the same file
 * twice changes nothing the second time.
 */
final class CsvImport {

    private static final Logger LOG = LoggerFactory.getLogger(CsvImport.class);
    private static final int ATTEMPTS = 3;
    /** Columns of Herald's own export that are not input: ids, times and the read-only system values. */
    private static final Set<String> IGNORED_COLUMNS = Set.of("id", "created", "updated", "deletedat", "score", "stage",
            "order_number", "order_summary", "order_avg");

    private enum Kind { EMAIL, STATUS, TAGS, LISTS, MONITORED, FIELD, IGNORED, UNSUBSCRIBED_FLAG, ATTRIBUTES }

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
    private ImportPresets.Preset preset;
    private OptInStatus fileStatus;
    private final Map<String, String> columnReport = new LinkedHashMap<>();
    private final List<String> ignoredColumns = new ArrayList<>();
    private final Set<String> ignoredAttributes = new java.util.TreeSet<>();
    private Set<String> listNames;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private final List<ImportReport.RowError> errors = new ArrayList<>();
    private final FirstRows firstRows = new FirstRows();

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
        preset = options.preset() == null ? null : ImportPresets.named(options.preset());
        // empty lines are skipped below, not by the parser, so that the line number of each record is known
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(options.delimiter()).setIgnoreEmptyLines(false).get();
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
                // lines the parser has consumed so far: the next record starts on the line after
                // (read before hasNext(), which already parses the next record)
                long line = parser.getCurrentLineNumber() + 1;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    process(bulk, batch);
                    batch.clear();
                    reject(line, "the CSV is malformed here (" + rootMessage(e) + "); the rest of the file was not read");
                    break;
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // an empty line
                }
                rowsRead++;
                batch.add(firstOccurrence(row(record, line, columns)));
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
        List<String> ignored = new ArrayList<>(ignoredColumns);
        for (String a : ignoredAttributes) {
            ignored.add(a + " (no field '" + a.substring(a.indexOf('.') + 1) + "')");
        }
        return new ImportReport(created, updated, unchanged, rejected, errors, columnReport, ignored, options.dryRun());
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
        if (header.size() == 1) {
            String only = header.get(0);
            for (char d : new char[] {';', '\t', '|', ','}) {
                if (d != options.delimiter() && only.indexOf(d) >= 0) {
                    String shown = d == '\t' ? "\\t" : String.valueOf(d);
                    throw new ValidationException("delimiter", String.valueOf(options.delimiter()), "the header is one column '"
                            + only.strip() + "': the file looks '" + shown + "'-separated; import it with -d '" + shown
                            + "' (REST: delimiter=" + shown + "); nothing was imported");
                }
            }
        }
        Map<String, String> mapping = new LinkedHashMap<>();
        options.mapping().forEach((from, to) -> mapping.put(from.strip().toLowerCase(Locale.ROOT), to.strip()));
        Set<String> lowerHeader = new HashSet<>();
        for (String h : header) {
            lowerHeader.add(h.strip().toLowerCase(Locale.ROOT));
        }
        for (String from : mapping.keySet()) {
            if (!lowerHeader.contains(from)) {
                throw new ValidationException("map", from, "the mapping names the column '" + from + "', which the file "
                        + "does not have (its columns: " + String.join(", ", header.toList()) + "); nothing was imported");
            }
        }
        fileStatus = preset == null ? null : preset.fileStatus().apply(lowerHeader);
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> unknown = new ArrayList<>();
        boolean email = false;
        for (int i = 0; i < header.size(); i++) {
            String written = header.get(i).strip();
            String name = written.toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                throw new ValidationException("columns", name, "the header names the column '" + name
                        + "' twice; nothing was imported");
            }
            Column column;
            String mapped = mapping.get(name);
            if (mapped != null) {
                column = target(i, written, mapped, true);
            } else if (preset != null && preset.columns().containsKey(name)) {
                column = target(i, written, preset.columns().get(name), false);
            } else if (preset != null && preset.skipped().contains(name)) {
                ignore(written, preset.name() + " column with nothing Herald keeps; --map it to a field to keep it");
                continue;
            } else if (ImportPresets.EMAIL_ALIASES.contains(name)) {
                column = new Column(i, Kind.EMAIL, "email");
            } else {
                column = switch (name) {
                    case "status", "tags", "lists", "monitored" -> target(i, written, name, false);
                    default -> IGNORED_COLUMNS.contains(name) ? new Column(i, Kind.IGNORED, name)
                            : fields.containsKey(name) ? new Column(i, Kind.FIELD, name) : null;
                };
                if (column == null) {
                    if (options.ignoreUnmapped()) {
                        ignore(written, "no field of that name and not mapped");
                    } else {
                        unknown.add(name.isEmpty() ? "(empty)" : "'" + written + "'");
                    }
                    continue;
                }
            }
            if (column == null) {
                continue; // left out and reported by target()
            }
            if (column.kind() == Kind.EMAIL && email) {
                throw new ValidationException("columns", written, "two columns hold the address (the second is '" + written
                        + "'): map one of them to '-'; nothing was imported");
            }
            email |= column.kind() == Kind.EMAIL;
            columns.add(column);
            columnReport.put(written, column.kind() == Kind.FIELD ? column.name()
                    : column.kind() == Kind.IGNORED ? "-" : column.kind().name().toLowerCase(Locale.ROOT));
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("columns", String.join(", ", unknown), "unknown columns " + String.join(", ", unknown)
                    + ": the columns are email, status, tags, lists, monitored and the custom fields "
                    + (fields.isEmpty() ? "(none yet)" : String.join(", ", new TreeSet<>(fields.keySet())))
                    + "; create missing fields first (field-add), map a column (--map 'Column=field'), or leave such "
                    + "columns out (--ignore-unmapped); the presets " + String.join(", ", ImportPresets.names())
                    + " read those tools' exports as they are (--preset); nothing was imported");
        }
        if (!email) {
            throw new ValidationException("columns", null, "the header has no address column (email, or one mapped to "
                    + "email: --map 'Column=email'): every contact needs its address; nothing was imported");
        }
        return columns;
    }

    /** The column a mapping or preset target makes; null when it is left out (reported). */
    private Column target(int index, String written, String target, boolean explicit) {
        String t = target.toLowerCase(Locale.ROOT);
        switch (t) {
            case "-":
                ignore(written, "mapped to '-'");
                return null;
            case "email":
                return new Column(index, Kind.EMAIL, "email");
            case "status":
                return new Column(index, Kind.STATUS, "status");
            case "tags":
                return new Column(index, Kind.TAGS, "tags");
            case "lists":
                return new Column(index, Kind.LISTS, "lists");
            case "monitored":
                return new Column(index, Kind.MONITORED, "monitored");
            case ImportPresets.UNSUBSCRIBED_FLAG:
                return new Column(index, Kind.UNSUBSCRIBED_FLAG, written);
            case ImportPresets.ATTRIBUTES:
                return new Column(index, Kind.ATTRIBUTES, written);
            default:
                if (fields.containsKey(t)) {
                    return new Column(index, Kind.FIELD, t);
                }
                if (explicit) {
                    throw new ValidationException("map", written + "=" + target, "the mapping '" + written + "=" + target
                            + "' names no field: create it first (field-add " + t + " text) or map to email, status, "
                            + "tags, lists, monitored or '-'; nothing was imported");
                }
                ignore(written, "no field '" + t + "': field-add " + t + " to keep it");
                return null;
        }
    }

    private void ignore(String written, String why) {
        columnReport.put(written, "-");
        ignoredColumns.add(written + " (" + why + ")");
    }

    /** The row, or for an address an earlier row already had, the error saying which row that was. */
    private Row firstOccurrence(Row row) {
        if (row.error() != null) {
            return row;
        }
        long first = firstRows.putIfAbsent(row.address().key(), row.number());
        if (first < 0) {
            return row;
        }
        return new Row(row.number(), null, null, "the address " + row.address().email() + " is a duplicate of row "
                + first + " (the same contact: " + (emails.isCaseSensitiveLocalPart() ? "the domain's case is ignored"
                        : "case is ignored") + "): only the first row of an address is imported");
    }

    private Row row(CSVRecord record, long number, List<Column> columns) {
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
                    case STATUS -> {
                        if (status != OptInStatus.UNSUBSCRIBED) {
                            status = status(v);
                        }
                    }
                    case UNSUBSCRIBED_FLAG -> {
                        if (Boolean.TRUE.equals(ImportPresets.flag(c.name(), v))) {
                            status = OptInStatus.UNSUBSCRIBED;
                        }
                    }
                    case TAGS -> {
                        for (String t : ImportPresets.tags(v, preset == null ? ImportPresets.TagStyle.PIPE : preset.tags())) {
                            if (!t.isBlank()) {
                                tags.add(t.strip());
                            }
                        }
                    }
                    case ATTRIBUTES -> attributes(v, values);
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
                            FieldRecord f = fields.get(c.name());
                            values.put(c.name(), f != null && f.type() == org.herald.contacts.FieldType.DATE
                                    ? ImportPresets.date(v) : v);
                        }
                    }
                    case IGNORED -> { }
                }
            }
            if (status == null) {
                status = fileStatus;
            }
            ContactInput input = new ContactInput(address.email(), status, values, tags, Set.of(), lists, Set.of(), monitored);
            return new Row(number, address, input, null);
        } catch (ValidationException e) {
            return new Row(number, null, null, e.getMessage());
        }
    }

    private OptInStatus status(String v) {
        if (preset != null && !v.isBlank() && preset.statuses().containsKey(v.strip().toLowerCase(Locale.ROOT))) {
            return preset.status(v);
        }
        try {
            return OptInStatus.parse(v);
        } catch (ValidationException e) {
            if (preset != null && !preset.statuses().isEmpty()) {
                return preset.status(v); // names the preset's own words
            }
            throw e;
        }
    }

    /** A JSON object of attributes (listmonk): members named like a field fill it; the others are reported once. */
    private void attributes(String cell, Map<String, Object> values) {
        if (cell.isBlank()) {
            return;
        }
        com.fasterxml.jackson.databind.JsonNode node;
        try {
            node = org.herald.json.HeraldJson.mapper().readTree(cell);
        } catch (java.io.IOException e) {
            throw new ValidationException("attributes", cell, "column 'attributes' is not a JSON object");
        }
        if (!node.isObject()) {
            throw new ValidationException("attributes", cell, "column 'attributes' is not a JSON object");
        }
        var members = node.fields();
        while (members.hasNext()) {
            var m = members.next();
            String key = m.getKey().toLowerCase(Locale.ROOT);
            com.fasterxml.jackson.databind.JsonNode value = m.getValue();
            if (!fields.containsKey(key)) {
                ignoredAttributes.add("attributes." + m.getKey());
            } else if (!value.isNull()) {
                values.putIfAbsent(key, value.isValueNode() ? value.asText() : value.toString());
            }
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

        Set<Long> joining = new HashSet<>();
        for (Row r : rows) {
            ContactRecord before = r.error() == null ? existing.get(r.address().key()) : null;
            if (before != null && !before.lists().containsAll(r.input().lists())) {
                joining.add(before.key());
            }
        }
        // the ledger decides whether an existing contact may join a list again (StatusRules.checkListJoin)
        Map<Long, Map<String, org.herald.contacts.ConsentEntry>> history = joining.isEmpty() ? Map.of()
                : store.latestListEntries(joining);
        ContactChanges.Context ctx = new ContactChanges.Context(fields, listNames, who, Instant.now(),
                service.settings().maxTags());
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
                change = ContactChanges.apply(before,
                        before == null ? Map.of() : history.getOrDefault(before.key(), Map.of()),
                        before == null ? row.address() : null,
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
        if (!pending.isEmpty() && !options.dryRun()) {
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

    /**
     * The first row of each uniqueness key in the file, in 32 to 64 bytes per address (two arrays of
     * longs at most half full: 32 or 64 MB for a million rows, where a HashMap of the key strings
     * would need about 130 bytes per address by estimate): keys are kept as 64-bit FNV-1a hashes in
     * open addressing. Two different addresses of one file share a
     * hash with a probability of about n²/2⁶⁵ (3 in 100 million for a million rows); the later would
     * then be reported as a duplicate of the earlier, never imported over it.
     */
    static final class FirstRows {
        private long[] hashes = new long[1024];
        private long[] rows = new long[1024];
        private int size;

        /** The row already recorded for {@code key}, or -1 after recording {@code row} for it. */
        long putIfAbsent(String key, long row) {
            if (size * 2 >= hashes.length) {
                grow();
            }
            long h = hash(key);
            int mask = hashes.length - 1;
            for (int i = (int) (h ^ (h >>> 32)) & mask; ; i = (i + 1) & mask) {
                if (hashes[i] == 0) {
                    hashes[i] = h;
                    rows[i] = row;
                    size++;
                    return -1;
                }
                if (hashes[i] == h) {
                    return rows[i];
                }
            }
        }

        private void grow() {
            long[] oldHashes = hashes;
            long[] oldRows = rows;
            hashes = new long[oldHashes.length * 2];
            rows = new long[oldRows.length * 2];
            int mask = hashes.length - 1;
            for (int j = 0; j < oldHashes.length; j++) {
                long h = oldHashes[j];
                if (h != 0) {
                    int i = (int) (h ^ (h >>> 32)) & mask;
                    while (hashes[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    hashes[i] = h;
                    rows[i] = oldRows[j];
                }
            }
        }

        private static long hash(String key) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                h = (h ^ (c & 0xff)) * 0x100000001b3L;
                h = (h ^ (c >>> 8)) * 0x100000001b3L;
            }
            return h == 0 ? 1 : h; // 0 marks a free slot
        }
    }
}
