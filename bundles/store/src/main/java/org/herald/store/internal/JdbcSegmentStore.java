package org.herald.store.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.common.Page;
import org.herald.store.ContactRecord;
import org.herald.store.ContactRef;
import org.herald.store.SegmentRecord;
import org.herald.store.SegmentSql;
import org.herald.store.SegmentStore;
import org.herald.store.SqlDialect;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.EntityManager;

/**
 * Segments: definitions through JPA ({@link SegmentEntity}); evaluation, activity summaries
 * ({@code contact_activity}, its one mapping) and engagement snapshots ({@code engagement_snapshot},
 * its one mapping) through JDBC. Contact rows are read through {@link ContactTable}.
 */
@Component(service = SegmentStore.class)
public class JdbcSegmentStore implements SegmentStore {

    private static final int CHUNK = 500;
    private static final String LIVE = "WHERE c.deleted_at IS NULL AND (";

    private final Database db;
    private final ContactSchema schema;
    private final SqlDialect dialect;

    @Activate
    public JdbcSegmentStore(@Reference Database db, @Reference ContactSchema schema) {
        this.db = db;
        this.schema = schema;
        this.dialect = db.dialect()::monthDay;
    }

    // ---- definitions

    @Override
    public List<SegmentRecord> segments() {
        return db.jpa(em -> em.createQuery("SELECT s FROM SegmentEntity s ORDER BY s.name", SegmentEntity.class)
                .getResultList().stream().map(JdbcSegmentStore::toRecord).toList());
    }

    @Override
    public Optional<SegmentRecord> find(String name) {
        return db.jpa(em -> entity(em, name).map(JdbcSegmentStore::toRecord));
    }

    private static Optional<SegmentEntity> entity(EntityManager em, String name) {
        return em.createQuery("SELECT s FROM SegmentEntity s WHERE s.name = :name", SegmentEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private static SegmentRecord toRecord(SegmentEntity s) {
        return new SegmentRecord(s.name(), s.parentList(), s.conditions(), s.description(), s.created().toInstant(),
                s.updated().toInstant());
    }

    @Override
    public synchronized SegmentRecord create(SegmentRecord segment) {
        return db.jpaTransaction(em -> {
            if (entity(em, segment.name()).isPresent()) {
                throw new ConflictException("segment '" + segment.name() + "' already exists");
            }
            SegmentEntity s = new SegmentEntity(segment.name(), Timestamp.from(segment.created()));
            s.set(segment.parentList(), segment.conditions(), segment.description(), Timestamp.from(segment.updated()));
            em.persist(s);
            return toRecord(s);
        });
    }

    @Override
    public SegmentRecord update(SegmentRecord segment) {
        return db.jpaTransaction(em -> {
            SegmentEntity s = entity(em, segment.name())
                    .orElseThrow(() -> new NotFoundException("segment '" + segment.name() + "' does not exist"));
            s.set(segment.parentList(), segment.conditions(), segment.description(), Timestamp.from(segment.updated()));
            return toRecord(s);
        });
    }

    @Override
    public void delete(String name) {
        db.jpaTransaction(em -> {
            SegmentEntity s = entity(em, name)
                    .orElseThrow(() -> new NotFoundException("segment '" + name + "' does not exist"));
            em.remove(s);
            return null;
        });
    }

    // ---- evaluation

    @Override
    public SqlDialect dialect() {
        return dialect;
    }

    @Override
    public long count(SegmentSql sql) {
        return db.read("count a segment", st -> {
            try (PreparedStatement ps = st.connection().prepareStatement(
                    "SELECT COUNT(*) FROM contact c " + LIVE + sql.where() + ")")) {
                ContactTable.bind(ps, sql.params());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public Map<String, Long> countByStatus(SegmentSql sql) {
        return db.read("count a segment", st -> {
            Map<String, Long> result = new TreeMap<>();
            try (PreparedStatement ps = st.connection().prepareStatement(
                    "SELECT c.status, COUNT(*) FROM contact c " + LIVE + sql.where() + ") GROUP BY c.status")) {
                ContactTable.bind(ps, sql.params());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return result;
        });
    }

    @Override
    public Page<ContactRecord> page(SegmentSql sql, int offset, int limit) {
        long total = count(sql);
        List<Object> params = new ArrayList<>(sql.params());
        params.add(offset);
        params.add(limit);
        return db.read("list a segment", st -> new Page<>(total, offset, limit, schema.table().select(st.connection(),
                LIVE + sql.where() + ") ORDER BY c.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", params)));
    }

    @Override
    public long forEach(SegmentSql sql, Consumer<ContactRecord> sink) {
        ContactTable snapshot = schema.table();
        return db.read("read a segment", st -> {
            long last = Long.MIN_VALUE;
            long n = 0;
            while (true) {
                List<Object> params = new ArrayList<>(sql.params());
                params.add(last);
                params.add(CHUNK);
                List<ContactRecord> chunk = snapshot.select(st.connection(),
                        LIVE + sql.where() + ") AND c.id > ? ORDER BY c.id FETCH NEXT ? ROWS ONLY", params);
                for (ContactRecord r : chunk) {
                    sink.accept(r);
                    last = r.key();
                    n++;
                }
                if (chunk.size() < CHUNK) {
                    return n;
                }
            }
        });
    }

    @Override
    public List<String> matching(String contactId, Map<String, SegmentSql> conditions) {
        return db.read("check segments of a contact", st -> {
            List<String> result = new ArrayList<>();
            for (Map.Entry<String, SegmentSql> e : conditions.entrySet()) {
                List<Object> params = new ArrayList<>();
                params.add(contactId);
                params.addAll(e.getValue().params());
                try (PreparedStatement ps = st.connection().prepareStatement(
                        "SELECT 1 FROM contact c WHERE c.public_id = ? AND c.deleted_at IS NULL AND (" + e.getValue().where() + ")")) {
                    ContactTable.bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next()) {
                            result.add(e.getKey());
                        }
                    }
                }
            }
            return result;
        });
    }

    @Override
    public List<Object> cutPoints(SegmentSql population, String value, int parts) {
        long n = count(population);
        if (n == 0) {
            return List.of();
        }
        return db.read("compute cut points", st -> {
            List<Object> result = new ArrayList<>();
            String sql = "SELECT x.v FROM (SELECT " + value + " AS v FROM contact c " + LIVE + population.where()
                    + ")) x ORDER BY x.v OFFSET ? ROWS FETCH NEXT 1 ROWS ONLY";
            try (PreparedStatement ps = st.connection().prepareStatement(sql)) {
                for (int k = 1; k < parts; k++) {
                    List<Object> params = new ArrayList<>(population.params());
                    params.add((int) Math.min(n - 1, (k * n) / parts));
                    ContactTable.bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        Object v = rs.getObject(1);
                        result.add(v instanceof Timestamp t ? t.toInstant()
                                : v instanceof Integer i ? Long.valueOf(i)
                                : v instanceof BigDecimal d ? d : v instanceof Number num ? Long.valueOf(num.longValue()) : v);
                    }
                }
            }
            return result;
        });
    }

    // ---- activity summaries

    private record Key(long contact, String activity, String ref) {
    }

    @Override
    public void recordActivity(List<Activity> activities) {
        if (activities.isEmpty()) {
            return;
        }
        db.transaction("record contact activity", st -> {
            Map<String, ContactRef> refs = ContactTable.refs(st, "public_id", "contact_public_id",
                    activities.stream().map(Activity::contactId).distinct().toList(), false);
            // grouped by row, rows in key order (locks are taken in one order)
            Map<Key, List<Activity>> groups = new TreeMap<>((a, b) -> {
                int c = Long.compare(a.contact(), b.contact());
                c = c != 0 ? c : a.activity().compareTo(b.activity());
                return c != 0 ? c : a.ref().compareTo(b.ref());
            });
            for (Activity a : activities) {
                ContactRef ref = refs.get(a.contactId());
                if (ref != null) {
                    groups.computeIfAbsent(new Key(ref.key(), a.activity(), a.ref()), k -> new ArrayList<>()).add(a);
                }
            }
            PreparedStatement select = st.get("SELECT last_position FROM contact_activity "
                    + "WHERE contact_id = ? AND activity = ? AND ref = ?");
            PreparedStatement update = st.get("UPDATE contact_activity SET total = total + ?, amount = amount + ?, "
                    + "first_at = CASE WHEN first_at > ? THEN ? ELSE first_at END, "
                    + "last_at = CASE WHEN last_at < ? THEN ? ELSE last_at END, last_position = ? "
                    + "WHERE contact_id = ? AND activity = ? AND ref = ?");
            PreparedStatement insert = st.get("INSERT INTO contact_activity (contact_id, activity, ref, total, amount, "
                    + "first_at, last_at, last_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            // each event of a campaign or link also as a row of its own, for counts within a time window
            PreparedStatement occurrence = st.get("INSERT INTO contact_ref_activity (contact_id, activity, ref, position, "
                    + "occurred_at, amount) VALUES (?, ?, ?, ?, ?, ?)");
            int occurrences = 0;
            for (Map.Entry<Key, List<Activity>> g : groups.entrySet()) {
                Key k = g.getKey();
                select.setLong(1, k.contact());
                select.setString(2, k.activity());
                select.setString(3, k.ref());
                Long counted = null;
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        counted = rs.getLong(1);
                    }
                }
                long total = 0;
                BigDecimal amount = BigDecimal.ZERO;
                Instant first = null;
                Instant last = null;
                long position = counted == null ? 0 : counted;
                for (Activity a : g.getValue()) {
                    if (counted != null && a.position() <= counted) {
                        continue;
                    }
                    total++;
                    if (!k.ref().isEmpty()) {
                        occurrence.setLong(1, k.contact());
                        occurrence.setString(2, k.activity());
                        occurrence.setString(3, k.ref());
                        occurrence.setLong(4, a.position());
                        occurrence.setTimestamp(5, Timestamp.from(a.at()));
                        occurrence.setBigDecimal(6, a.amount());
                        occurrence.addBatch();
                        occurrences++;
                    }
                    amount = a.amount() == null ? amount : amount.add(a.amount());
                    first = first == null || a.at().isBefore(first) ? a.at() : first;
                    last = last == null || a.at().isAfter(last) ? a.at() : last;
                    position = Math.max(position, a.position());
                }
                if (total == 0) {
                    continue;
                }
                if (counted == null) {
                    insert.setLong(1, k.contact());
                    insert.setString(2, k.activity());
                    insert.setString(3, k.ref());
                    insert.setLong(4, total);
                    insert.setBigDecimal(5, amount);
                    insert.setTimestamp(6, Timestamp.from(first));
                    insert.setTimestamp(7, Timestamp.from(last));
                    insert.setLong(8, position);
                    insert.executeUpdate();
                } else {
                    update.setLong(1, total);
                    update.setBigDecimal(2, amount);
                    update.setTimestamp(3, Timestamp.from(first));
                    update.setTimestamp(4, Timestamp.from(first));
                    update.setTimestamp(5, Timestamp.from(last));
                    update.setTimestamp(6, Timestamp.from(last));
                    update.setLong(7, position);
                    update.setLong(8, k.contact());
                    update.setString(9, k.activity());
                    update.setString(10, k.ref());
                    update.executeUpdate();
                }
            }
            if (occurrences > 0) {
                occurrence.executeBatch();
            }
            return null;
        });
    }

    // ---- engagement snapshots

    @Override
    public long snapshot(LocalDate day, SegmentSql engaged, LocalDate keepFrom) {
        return db.transaction("take the engagement snapshot", st -> {
            Date d = Date.valueOf(day);
            PreparedStatement del = st.get("DELETE FROM engagement_snapshot WHERE snapshot_day = ? OR snapshot_day < ?");
            del.setDate(1, d);
            del.setDate(2, Date.valueOf(keepFrom));
            del.executeUpdate();
            long rows;
            try (PreparedStatement ins = st.connection().prepareStatement("INSERT INTO engagement_snapshot "
                    + "(snapshot_day, contact_id, status, engaged) SELECT CAST(? AS DATE), c.id, c.status, CAST(? AS BOOLEAN) "
                    + "FROM contact c WHERE c.deleted_at IS NULL")) {
                ins.setDate(1, d);
                ins.setBoolean(2, false);
                rows = ins.executeUpdate();
            }
            List<Object> params = new ArrayList<>();
            params.add(true);
            params.add(day);
            params.addAll(engaged.params());
            try (PreparedStatement up = st.connection().prepareStatement("UPDATE engagement_snapshot SET engaged = ? "
                    + "WHERE snapshot_day = ? AND contact_id IN (SELECT c.id FROM contact c " + LIVE + engaged.where() + "))")) {
                ContactTable.bind(up, params);
                up.executeUpdate();
            }
            return rows;
        });
    }

    @Override
    public List<LocalDate> snapshotDays() {
        return db.read("list engagement snapshots", st -> {
            List<LocalDate> days = new ArrayList<>();
            try (ResultSet rs = st.get("SELECT DISTINCT snapshot_day FROM engagement_snapshot ORDER BY snapshot_day")
                    .executeQuery()) {
                while (rs.next()) {
                    days.add(rs.getDate(1).toLocalDate());
                }
            }
            return days;
        });
    }
}
