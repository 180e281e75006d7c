package org.herald.store.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.herald.common.NotFoundException;
import org.herald.contacts.Channel;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.ContactMetrics;
import org.herald.contacts.FieldType;
import org.herald.contacts.OptInStatus;
import org.herald.store.ContactFilter;
import org.herald.store.ContactRecord;
import org.herald.store.ContactRef;
import org.herald.store.ContactWrite;
import org.herald.store.DuplicateKeyException;
import org.herald.store.EventWrite;
import org.herald.store.FieldRecord;
import org.herald.store.StaleRecordException;

/**
 * JDBC access to the contact aggregate: the contact row with one typed column per custom field
 * ({@code cf_<name>}), its tags, memberships and ledger entries. Single writes and imports go
 * through the same batched {@link #write} so both share one code path. Column names come only
 * from field names validated as {@code [a-z]+}; every value is a bound parameter.
 */
final class ContactTable {

    /** How many keys one IN (...) lookup binds; shorter lists are padded so the SQL text repeats. */
    static final int IN_CHUNK = 500;

    private static final String BASE_COLUMNS =
            "c.id, c.public_id, c.email, c.email_key, c.status, c.monitored, c.created_at, c.updated_at, c.deleted_at, c.version, "
            + "c.score, c.order_number, c.order_summary";

    /** From this many new contacts in one write, PostgreSQL gets them through COPY rather than a batch. */
    static final int COPY_FROM = 50;

    private final List<FieldRecord> fields;
    private final Dialect dialect;
    private final String insertColumns;
    private final String selectColumns;
    private final String insertSql;
    private final String updateSql;

    ContactTable(List<FieldRecord> fields, Dialect dialect) {
        this.fields = List.copyOf(fields);
        this.dialect = dialect;
        StringBuilder select = new StringBuilder(BASE_COLUMNS);
        StringBuilder insertCols = new StringBuilder(
                "id, public_id, email, email_key, status, monitored, created_at, updated_at, deleted_at, version");
        StringBuilder insertVals = new StringBuilder("?, ?, ?, ?, ?, ?, ?, ?, ?, ?");
        StringBuilder update = new StringBuilder(
                "UPDATE contact SET email = ?, email_key = ?, status = ?, monitored = ?, updated_at = ?, deleted_at = ?, version = ?");
        for (FieldRecord f : this.fields) {
            String col = column(f.name());
            select.append(", c.").append(col);
            insertCols.append(", ").append(col);
            insertVals.append(", ?");
            update.append(", ").append(col).append(" = ?");
        }
        this.selectColumns = select.toString();
        this.insertColumns = insertCols.toString();
        this.insertSql = "INSERT INTO contact (" + insertCols + ") VALUES (" + insertVals + ")";
        this.updateSql = update + " WHERE id = ? AND version = ?";
    }

    List<FieldRecord> fields() {
        return fields;
    }

    /** The value column of a field; the name is checked again here because it becomes SQL. */
    static String column(String fieldName) {
        if (!fieldName.matches("[a-z]+")) {
            throw new IllegalArgumentException("not a field name: " + fieldName);
        }
        return "cf_" + fieldName;
    }

    static String sqlType(FieldType type) {
        return switch (type) {
            case TEXT, MULTICHOICE -> "VARCHAR(4000)";
            case NUMBER -> "BIGINT";
            case DECIMAL -> "DECIMAL(31,8)";
            case DATE -> "DATE";
            case BOOLEAN -> "BOOLEAN";
            case CHOICE -> "VARCHAR(255)";
            case PHONE -> "VARCHAR(32)";
        };
    }

    // ---- reading

    /** Contacts of {@code FROM contact c <tail>} with their tags and lists, in result order. */
    List<ContactRecord> select(Connection c, String tail, List<Object> params) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + selectColumns + " FROM contact c " + tail)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = readRow(rs);
                    rows.put(row.key, row);
                }
            }
        }
        try (Statements st = new Statements(c, false, dialect)) {
            attach(st, rows);
        }
        List<ContactRecord> result = new ArrayList<>(rows.size());
        for (Row row : rows.values()) {
            result.add(row.toRecord());
        }
        return result;
    }

    /** The contacts owning any of these keys, by key: one query per {@value #IN_CHUNK} keys. */
    Map<String, ContactRecord> selectByKeys(Statements st, Collection<String> keys) throws SQLException {
        Map<Long, Row> rows = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(new HashSet<>(keys));
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            int slots = slots(chunk.size());
            PreparedStatement ps = st.get("SELECT " + selectColumns + " FROM contact c " + hint("index=contact_email_key")
                    + "WHERE c.email_key IN (" + placeholders(slots) + ")");
            bindStrings(ps, chunk, slots);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = readRow(rs);
                    rows.put(row.key, row);
                }
            }
        }
        attach(st, rows);
        Map<String, ContactRecord> result = new HashMap<>();
        for (Row row : rows.values()) {
            result.put(row.emailKey, row.toRecord());
        }
        return result;
    }

    private void attach(Statements st, Map<Long, Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Long> keys = new ArrayList<>(rows.keySet());
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            int slots = slots(chunk.size());
            String tagSql = "SELECT contact_id, tag FROM contact_tag " + hint("constraint=contact_tag_pk")
                    + "WHERE contact_id IN (" + placeholders(slots) + ")";
            String listSql = "SELECT m.contact_id, l.name FROM list_member m " + hint("constraint=list_member_contact_fk")
                    + "JOIN mailing_list l ON l.id = m.list_id WHERE m.contact_id IN (" + placeholders(slots) + ")";
            for (String sql : List.of(tagSql, listSql)) {
                PreparedStatement ps = st.get(sql);
                for (int i = 0; i < slots; i++) {
                    if (i < chunk.size()) {
                        ps.setLong(i + 1, chunk.get(i));
                    } else {
                        ps.setNull(i + 1, Types.BIGINT);
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Row row = rows.get(rs.getLong(1));
                        (sql == tagSql ? row.tags : row.lists).add(rs.getString(2));
                    }
                }
            }
        }
    }

    private Row readRow(ResultSet rs) throws SQLException {
        Row row = new Row();
        row.key = rs.getLong(1);
        row.id = rs.getString(2);
        row.email = rs.getString(3);
        row.emailKey = rs.getString(4);
        row.status = OptInStatus.valueOf(rs.getString(5));
        row.monitored = rs.getBoolean(6);
        row.created = instant(rs.getTimestamp(7));
        row.updated = instant(rs.getTimestamp(8));
        row.deletedAt = instant(rs.getTimestamp(9));
        row.version = rs.getLong(10);
        row.metrics = new ContactMetrics(rs.getLong(11), null, rs.getLong(12), money(rs.getBigDecimal(13)));
        int i = 14;
        for (FieldRecord f : fields) {
            Object value = readValue(rs, i++, f.type());
            if (value != null) {
                row.fields.put(f.name(), value);
            }
        }
        return row;
    }

    private static Object readValue(ResultSet rs, int i, FieldType type) throws SQLException {
        switch (type) {
            case NUMBER: {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : v;
            }
            case DECIMAL: {
                BigDecimal v = rs.getBigDecimal(i);
                return v == null ? null : plain(v);
            }
            case DATE: {
                Date v = rs.getDate(i);
                return v == null ? null : v.toLocalDate();
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : v;
            }
            case MULTICHOICE: {
                String v = rs.getString(i);
                return v == null ? null : Json.strings(v);
            }
            default:
                return rs.getString(i);
        }
    }

    /**
     * A sum of money as people write it: at least two decimals unless it is zero, more only where
     * the amounts had them (49.9000 → 49.90, 100 → 100.00, 1.2345 → 1.2345, 0 → 0).
     */
    static BigDecimal money(BigDecimal v) {
        BigDecimal p = plain(v);
        return p.signum() != 0 && p.scale() < 2 ? p.setScale(2) : p;
    }

    /** A decimal without trailing zeros and never in exponent form (12.50000000 → 12.5, 100 → 100). */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    // ---- writing

    /**
     * Writes the contacts (rows, tag and membership differences, ledger entries) with one JDBC
     * batch per statement kind, on the caller's transaction. Returns the records as stored.
     */
    List<ContactRecord> write(Statements st, List<ContactWrite> writes, KeyAllocator keys, ListIds lists)
            throws SQLException {
        List<ContactRecord> stored = new ArrayList<>(writes.size());
        PreparedStatement insert = null;
        PreparedStatement update = null;
        List<ContactRecord> updated = new ArrayList<>();
        Map<ContactRecord, Long> expected = new java.util.IdentityHashMap<>();
        PostgresCopy copy = dialect.bulkCopy() && inserts(writes) >= COPY_FROM
                ? new PostgresCopy("contact", insertColumns) : null;
        for (ContactWrite w : writes) {
            ContactRecord after = w.after();
            if (w.isInsert()) {
                after = withKey(after, keys.next(), 0);
                if (copy != null) {
                    PostgresCopy.contact(copy, after, fields);
                } else {
                    insert = insert == null ? st.get(insertSql) : insert;
                    bindInsert(insert, after);
                    insert.addBatch();
                }
            } else {
                ContactRecord before = w.before();
                after = withKey(after, before.key(), before.version());
                if (rowChanged(before, after)) {
                    after = withKey(after, before.key(), before.version() + 1);
                    updated.add(after);
                    expected.put(after, before.version());
                }
            }
            stored.add(after);
        }
        // rows are locked in key order, as every other writer of contact rows does: no lock cycles
        updated.sort(java.util.Comparator.comparingLong(ContactRecord::key));
        for (ContactRecord after : updated) {
            update = update == null ? st.get(updateSql) : update;
            bindUpdate(update, after, expected.get(after));
            update.addBatch();
        }
        try {
            if (insert != null) {
                insert.executeBatch();
            }
            if (copy != null) {
                copy.copy(st.connection());
            }
            if (update != null) {
                int[] counts = update.executeBatch();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 0) {
                        throw new StaleRecordException("contact " + updated.get(i).id()
                                + " was changed by someone else meanwhile; try again");
                    }
                }
            }
        } catch (SQLException e) {
            if (isUniqueViolation(e)) {
                throw new DuplicateKeyException("another contact with the same e-mail address was saved meanwhile");
            }
            throw e;
        }
        writeAttachments(st, writes, stored, lists);
        List<EventWrite> events = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            ContactRecord r = stored.get(i);
            for (EventWrite e : writes.get(i).events()) {
                events.add(e.contactKey() == 0 ? e.forContact(r.key(), r.id()) : e);
            }
        }
        // last: appending locks the log's position counter until the commit
        EventTable.append(st, events);
        return stored;
    }

    private static int inserts(List<ContactWrite> writes) {
        int n = 0;
        for (ContactWrite w : writes) {
            n += w.isInsert() ? 1 : 0;
        }
        return n;
    }

    // ---- light lookups and the ledger

    /** {@link ContactRef}s of the contacts whose {@code column} is one of {@code values}, by that value. */
    static Map<String, ContactRef> refs(Statements st, String column, String index, Collection<String> values,
            boolean byEmailKey) throws SQLException {
        Map<String, ContactRef> result = new HashMap<>();
        List<String> all = new ArrayList<>(new HashSet<>(values));
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            int slots = slots(chunk.size());
            PreparedStatement ps = st.get("SELECT c.id, c.public_id, c.email_key, c.monitored, c.deleted_at FROM contact c "
                    + hint("index=" + index) + "WHERE c." + column + " IN (" + placeholders(slots) + ")");
            bindStrings(ps, chunk, slots);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ContactRef ref = new ContactRef(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            rs.getTimestamp(5) != null);
                    result.put(byEmailKey ? ref.emailKey() : ref.id(), ref);
                }
            }
        }
        return result;
    }

    /** The consent ledger of one contact, oldest first (the ledger's one mapping: written in {@link #write}). */
    static List<ConsentEntry> consent(Statements st, long contactKey, String publicId) throws SQLException {
        PreparedStatement ps = st.get("SELECT id, channel, consent_action, from_status, to_status, list_name, consent_source, "
                + "changed_at, actor, ip, user_agent, form_id, consent_text_version, message_id, detail FROM consent_entry "
                + "WHERE contact_id = ? ORDER BY id");
        ps.setLong(1, contactKey);
        List<ConsentEntry> result = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String from = rs.getString(4);
                String to = rs.getString(5);
                result.add(ConsentEntry.builder().id(rs.getLong(1)).contactId(publicId)
                        .channel(Channel.valueOf(rs.getString(2))).action(ConsentAction.valueOf(rs.getString(3)))
                        .status(from == null ? null : OptInStatus.valueOf(from), to == null ? null : OptInStatus.valueOf(to))
                        .list(rs.getString(6)).source(ConsentSource.valueOf(rs.getString(7)))
                        .at(rs.getTimestamp(8).toInstant()).actor(rs.getString(9))
                        .proof(rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13))
                        .messageId(rs.getLong(14)).detail(rs.getString(15)).build());
            }
        }
        return result;
    }

    /**
     * The latest ledger entry of each list, per contact, for these contacts (internal keys): one
     * query per {@value #IN_CHUNK} contacts, reading their list entries in ledger order.
     */
    static Map<Long, Map<String, ConsentEntry>> latestListEntries(Statements st, Collection<Long> contactKeys)
            throws SQLException {
        Map<Long, Map<String, ConsentEntry>> result = new HashMap<>();
        List<Long> keys = new ArrayList<>(new HashSet<>(contactKeys));
        for (int from = 0; from < keys.size(); from += IN_CHUNK) {
            List<Long> chunk = keys.subList(from, Math.min(keys.size(), from + IN_CHUNK));
            int slots = slots(chunk.size());
            PreparedStatement ps = st.get("SELECT e.contact_id, e.id, e.consent_action, e.list_name, e.consent_source, "
                    + "e.changed_at, e.actor, e.ip FROM consent_entry e " + hint("index=consent_entry_contact")
                    + "WHERE e.contact_id IN (" + placeholders(slots) + ") AND e.list_name IS NOT NULL ORDER BY e.contact_id, e.id");
            for (int i = 0; i < slots; i++) {
                if (i < chunk.size()) {
                    ps.setLong(i + 1, chunk.get(i));
                } else {
                    ps.setNull(i + 1, Types.BIGINT);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ConsentEntry e = ConsentEntry.builder().id(rs.getLong(2)).action(ConsentAction.valueOf(rs.getString(3)))
                            .list(rs.getString(4)).source(ConsentSource.valueOf(rs.getString(5)))
                            .at(rs.getTimestamp(6).toInstant()).actor(rs.getString(7))
                            .proof(rs.getString(8), null, null, null).build();
                    // ordered by id within a contact: a later entry of the same list replaces the earlier
                    result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(e.list(), e);
                }
            }
        }
        return result;
    }

    private void writeAttachments(Statements st, List<ContactWrite> writes, List<ContactRecord> stored, ListIds lists)
            throws SQLException {
        PreparedStatement tagAdd = null;
        PreparedStatement tagRemove = null;
        PreparedStatement listAdd = null;
        PreparedStatement listRemove = null;
        PreparedStatement ledger = null;
        for (int i = 0; i < writes.size(); i++) {
            ContactWrite w = writes.get(i);
            ContactRecord after = stored.get(i);
            Set<String> beforeTags = w.before() == null ? Set.of() : w.before().tags();
            Set<String> beforeLists = w.before() == null ? Set.of() : w.before().lists();
            for (String tag : after.tags()) {
                if (!beforeTags.contains(tag)) {
                    tagAdd = tagAdd == null ? st.get("INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)") : tagAdd;
                    tagAdd.setLong(1, after.key());
                    tagAdd.setString(2, tag);
                    tagAdd.addBatch();
                }
            }
            for (String tag : beforeTags) {
                if (!after.tags().contains(tag)) {
                    tagRemove = tagRemove == null ? st.get("DELETE FROM contact_tag WHERE contact_id = ? AND tag = ?") : tagRemove;
                    tagRemove.setLong(1, after.key());
                    tagRemove.setString(2, tag);
                    tagRemove.addBatch();
                }
            }
            for (String list : after.lists()) {
                if (!beforeLists.contains(list)) {
                    listAdd = listAdd == null
                            ? st.get("INSERT INTO list_member (list_id, contact_id, since) VALUES (?, ?, ?)") : listAdd;
                    listAdd.setLong(1, lists.id(st.connection(), list));
                    listAdd.setLong(2, after.key());
                    listAdd.setTimestamp(3, Timestamp.from(after.updated()));
                    listAdd.addBatch();
                }
            }
            for (String list : beforeLists) {
                if (!after.lists().contains(list)) {
                    listRemove = listRemove == null
                            ? st.get("DELETE FROM list_member WHERE list_id = ? AND contact_id = ?") : listRemove;
                    listRemove.setLong(1, lists.id(st.connection(), list));
                    listRemove.setLong(2, after.key());
                    listRemove.addBatch();
                }
            }
            for (ConsentEntry e : w.consent()) {
                ledger = ledger == null ? ledgerInsert(st) : ledger;
                addLedgerEntry(ledger, after.key(), e);
            }
        }
        for (PreparedStatement ps : new PreparedStatement[] {tagRemove, tagAdd, listRemove, listAdd, ledger}) {
            if (ps != null) {
                ps.executeBatch();
            }
        }
    }

    /** The ledger's one insert: every writer of consent entries (contact writes, sending choices) uses it. */
    static PreparedStatement ledgerInsert(Statements st) throws SQLException {
        return st.get("INSERT INTO consent_entry (contact_id, channel, consent_action, from_status, to_status, list_name, "
                + "consent_source, changed_at, actor, ip, user_agent, form_id, consent_text_version, message_id, detail) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Adds {@code e} of contact {@code contactKey} to the batch of {@link #ledgerInsert}. */
    static void addLedgerEntry(PreparedStatement ledger, long contactKey, ConsentEntry e) throws SQLException {
        ledger.setLong(1, contactKey);
        ledger.setString(2, e.channel().name());
        ledger.setString(3, e.action().name());
        ledger.setString(4, e.fromStatus() == null ? null : e.fromStatus().name());
        ledger.setString(5, e.toStatus() == null ? null : e.toStatus().name());
        ledger.setString(6, e.list());
        ledger.setString(7, e.source().name());
        ledger.setTimestamp(8, Timestamp.from(e.at()));
        ledger.setString(9, truncate(e.actor(), 255));
        ledger.setString(10, truncate(e.ip(), 64));
        ledger.setString(11, truncate(e.userAgent(), 1000));
        ledger.setString(12, truncate(e.formId(), 255));
        ledger.setString(13, truncate(e.consentTextVersion(), 64));
        if (e.messageId() == 0) {
            ledger.setNull(14, java.sql.Types.BIGINT);
        } else {
            ledger.setLong(14, e.messageId());
        }
        ledger.setString(15, truncate(e.detail(), 255));
        ledger.addBatch();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static boolean rowChanged(ContactRecord before, ContactRecord after) {
        return !Objects.equals(before.email(), after.email()) || !Objects.equals(before.emailKey(), after.emailKey())
                || before.status() != after.status() || before.monitored() != after.monitored()
                || !Objects.equals(before.updated(), after.updated()) || !Objects.equals(before.deletedAt(), after.deletedAt())
                || !before.fields().equals(after.fields());
    }

    private static ContactRecord withKey(ContactRecord r, long key, long version) {
        return new ContactRecord(key, r.id(), r.email(), r.emailKey(), r.status(), r.fields(), r.tags(), r.lists(),
                r.monitored(), r.created(), r.updated(), r.deletedAt(), version, r.metrics());
    }

    private void bindInsert(PreparedStatement ps, ContactRecord r) throws SQLException {
        ps.setLong(1, r.key());
        ps.setString(2, r.id());
        ps.setString(3, r.email());
        ps.setString(4, r.emailKey());
        ps.setString(5, r.status().name());
        ps.setBoolean(6, r.monitored());
        ps.setTimestamp(7, Timestamp.from(r.created()));
        ps.setTimestamp(8, Timestamp.from(r.updated()));
        ps.setTimestamp(9, r.deletedAt() == null ? null : Timestamp.from(r.deletedAt()));
        ps.setLong(10, r.version());
        bindFields(ps, 11, r.fields());
    }

    private void bindUpdate(PreparedStatement ps, ContactRecord r, long expectedVersion) throws SQLException {
        ps.setString(1, r.email());
        ps.setString(2, r.emailKey());
        ps.setString(3, r.status().name());
        ps.setBoolean(4, r.monitored());
        ps.setTimestamp(5, Timestamp.from(r.updated()));
        ps.setTimestamp(6, r.deletedAt() == null ? null : Timestamp.from(r.deletedAt()));
        ps.setLong(7, r.version());
        int next = bindFields(ps, 8, r.fields());
        ps.setLong(next, r.key());
        ps.setLong(next + 1, expectedVersion);
    }

    private int bindFields(PreparedStatement ps, int start, Map<String, Object> values) throws SQLException {
        int i = start;
        for (FieldRecord f : fields) {
            bindValue(ps, i++, f, values.get(f.name()));
        }
        return i;
    }

    private static void bindValue(PreparedStatement ps, int i, FieldRecord f, Object value) throws SQLException {
        switch (f.type()) {
            case NUMBER -> {
                if (value == null) {
                    ps.setNull(i, Types.BIGINT);
                } else {
                    ps.setLong(i, ((Number) value).longValue());
                }
            }
            case DECIMAL -> {
                if (value == null) {
                    ps.setNull(i, Types.DECIMAL);
                } else {
                    ps.setBigDecimal(i, (BigDecimal) value);
                }
            }
            case DATE -> {
                if (value == null) {
                    ps.setNull(i, Types.DATE);
                } else {
                    ps.setDate(i, Date.valueOf((java.time.LocalDate) value));
                }
            }
            case BOOLEAN -> {
                if (value == null) {
                    ps.setNull(i, Types.BOOLEAN);
                } else {
                    ps.setBoolean(i, (Boolean) value);
                }
            }
            case MULTICHOICE -> ps.setString(i, value == null ? null : Json.write(value));
            default -> ps.setString(i, (String) value);
        }
    }

    // ---- filters

    /** WHERE clause (with {@code c} the contact) and its parameters for a filter. */
    static String where(ContactFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder(f.deleted() ? "WHERE c.deleted_at IS NOT NULL" : "WHERE c.deleted_at IS NULL");
        if (f.status() != null) {
            sql.append(" AND c.status = ?");
            params.add(f.status().name());
        }
        if (f.list() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM list_member m JOIN mailing_list l ON l.id = m.list_id "
                    + "WHERE m.contact_id = c.id AND l.name = ?)");
            params.add(f.list());
        }
        if (f.tag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = ?)");
            params.add(f.tag());
        }
        if (f.search() != null && !f.search().isBlank()) {
            sql.append(" AND LOWER(c.email) LIKE ? ESCAPE '\\'");
            String escaped = f.search().strip().toLowerCase(java.util.Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.add("%" + escaped + "%");
        }
        return sql.toString();
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        int i = 1;
        for (Object p : params) {
            if (p instanceof Long l) {
                ps.setLong(i++, l);
            } else if (p instanceof Integer n) {
                ps.setInt(i++, n);
            } else if (p instanceof Instant t) {
                ps.setTimestamp(i++, Timestamp.from(t));
            } else if (p instanceof Timestamp t) {
                ps.setTimestamp(i++, t);
            } else if (p instanceof BigDecimal d) {
                ps.setBigDecimal(i++, d);
            } else if (p instanceof Boolean b) {
                ps.setBoolean(i++, b);
            } else if (p instanceof java.time.LocalDate d) {
                ps.setDate(i++, Date.valueOf(d));
            } else {
                ps.setString(i++, (String) p);
            }
        }
    }

    /**
     * An optimizer hint for Derby, a plain comment for every other database. Derby compiles an
     * IN (?, ?, …) lookup once, possibly against an empty table, and then keeps scanning the whole
     * table for every batch; the hint makes it probe the index for each key instead.
     */
    static String hint(String properties) {
        return "--DERBY-PROPERTIES " + properties + "\n";
    }

    /**
     * How many placeholders a key lookup of {@code n} keys binds: 1, 8, 64 or {@value #IN_CHUNK}, so the
     * few statement shapes stay prepared and a single-contact read does not bind 500 parameters.
     */
    static int slots(int n) {
        return n <= 1 ? 1 : n <= 8 ? 8 : n <= 64 ? 64 : IN_CHUNK;
    }

    static String placeholders(int n) {
        StringBuilder sb = new StringBuilder(n * 3);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "?" : ", ?");
        }
        return sb.toString();
    }

    /**
     * Binds {@code values} to the first parameters of a statement with {@code slots} of them (an IN
     * list made by {@link #placeholders}), and NULL, which matches nothing, to the rest.
     */
    static void bindStrings(PreparedStatement ps, List<String> values, int slots) throws SQLException {
        for (int i = 0; i < slots; i++) {
            if (i < values.size()) {
                ps.setString(i + 1, values.get(i));
            } else {
                ps.setNull(i + 1, Types.VARCHAR);
            }
        }
    }

    static boolean isUniqueViolation(SQLException e) {
        return Dialect.isUniqueViolation(e);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A contact being read, before its tags and lists are attached. */
    private static final class Row {
        long key;
        String id;
        String email;
        String emailKey;
        OptInStatus status;
        boolean monitored;
        Instant created;
        Instant updated;
        Instant deletedAt;
        long version;
        final Map<String, Object> fields = new LinkedHashMap<>();
        final Set<String> tags = new HashSet<>();
        final Set<String> lists = new HashSet<>();

        ContactMetrics metrics = ContactMetrics.NONE;

        ContactRecord toRecord() {
            return new ContactRecord(key, id, email, emailKey, status, fields, tags, lists, monitored, created, updated,
                    deletedAt, version, metrics);
        }
    }

    /** List names to ids, loaded once and reloaded when a name is missing. */
    static final class ListIds {
        private final Map<String, Long> ids = new HashMap<>();

        long id(Connection c, String name) throws SQLException {
            Long id = ids.get(name);
            if (id == null) {
                reload(c);
                id = ids.get(name);
                if (id == null) {
                    throw new NotFoundException("list '" + name + "' does not exist");
                }
            }
            return id;
        }

        private void reload(Connection c) throws SQLException {
            ids.clear();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM mailing_list");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(2), rs.getLong(1));
                }
            }
        }
    }
}
