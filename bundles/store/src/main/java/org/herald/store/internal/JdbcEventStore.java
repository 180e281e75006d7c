package org.herald.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.herald.common.Page;
import org.herald.events.ContactEvent;
import org.herald.events.TimelineQuery;
import org.herald.store.EventStore;
import org.herald.store.EventWrite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The event log, its consumers' positions and the system values kept from it, all JDBC. */
@Component(service = EventStore.class)
public class JdbcEventStore implements EventStore {

    private final Database db;

    @Activate
    public JdbcEventStore(@Reference Database db) {
        this.db = db;
    }

    @Override
    public long[] append(List<EventWrite> events) {
        if (events.isEmpty()) {
            return new long[0];
        }
        return db.transaction("store events", st -> EventTable.append(st, events));
    }

    @Override
    public Page<ContactEvent> timeline(long contactKey, TimelineQuery q) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("WHERE e.contact_id = ?");
        params.add(contactKey);
        if (!q.types().isEmpty()) {
            where.append(" AND e.event_type IN (").append(ContactTable.placeholders(q.types().size())).append(')');
            params.addAll(q.types().stream().sorted().toList());
        }
        if (q.since() != null) {
            where.append(" AND e.occurred_at >= ?");
            params.add(Timestamp.from(q.since()));
        }
        if (q.until() != null) {
            where.append(" AND e.occurred_at < ?");
            params.add(Timestamp.from(q.until()));
        }
        return db.read("read a timeline", st -> {
            long total;
            try (PreparedStatement ps = st.connection().prepareStatement("SELECT COUNT(*) FROM contact_event e " + where)) {
                ContactTable.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(q.offset());
            pageParams.add(q.limit());
            List<ContactEvent> items = new ArrayList<>();
            try (PreparedStatement ps = st.connection().prepareStatement("SELECT " + EventTable.COLUMNS
                    + " FROM contact_event e " + where
                    + " ORDER BY e.occurred_at DESC, e.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
                ContactTable.bind(ps, pageParams);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        items.add(EventTable.read(rs));
                    }
                }
            }
            return new Page<>(total, q.offset(), q.limit(), items);
        });
    }

    @Override
    public Map<String, Long> countsByType(long contactKey) {
        return db.read("count events", st -> {
            PreparedStatement ps = st.get("SELECT event_type, COUNT(*) FROM contact_event WHERE contact_id = ? "
                    + "GROUP BY event_type ORDER BY 2 DESC, 1");
            ps.setLong(1, contactKey);
            Map<String, Long> counts = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public Instant lastActivity(long contactKey, Set<String> notActivity) {
        List<Object> params = new ArrayList<>();
        params.add(contactKey);
        List<String> excluded = notActivity.stream().sorted().toList();
        params.addAll(excluded);
        String sql = "SELECT MAX(occurred_at) FROM contact_event WHERE contact_id = ?"
                + (excluded.isEmpty() ? "" : " AND event_type NOT IN (" + ContactTable.placeholders(excluded.size()) + ")");
        return db.read("read the last activity", st -> {
            try (PreparedStatement ps = st.connection().prepareStatement(sql)) {
                ContactTable.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    return t == null ? null : t.toInstant();
                }
            }
        });
    }

    @Override
    public List<ContactEvent> after(long position, long upTo, Set<String> types, int limit) {
        List<Object> params = new ArrayList<>();
        params.add(position);
        params.add(upTo);
        String typeFilter = "";
        if (!types.isEmpty()) {
            typeFilter = " AND e.event_type IN (" + ContactTable.placeholders(types.size()) + ")";
            params.addAll(types.stream().sorted().toList());
        }
        params.add(limit);
        String sql = "SELECT " + EventTable.COLUMNS + " FROM contact_event e WHERE e.id > ? AND e.id <= ?" + typeFilter
                + " ORDER BY e.id FETCH FIRST ? ROWS ONLY";
        return db.read("read the event log", st -> {
            PreparedStatement ps = st.get(sql);
            ContactTable.bind(ps, params);
            List<ContactEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    events.add(EventTable.read(rs));
                }
            }
            return events;
        });
    }

    @Override
    public long lastPosition() {
        return db.read("read the end of the event log", st -> {
            try (ResultSet rs = st.get("SELECT MAX(id) FROM contact_event").executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    // ---- consumers

    @Override
    public OptionalLong claim(String name, String owner, Duration lease, boolean startAtEnd) {
        Instant now = Instant.now();
        return db.transaction("claim an event consumer", st -> {
            PreparedStatement up = st.get("UPDATE event_consumer SET owner = ?, lease_until = ?, updated_at = ? "
                    + "WHERE name = ? AND (owner IS NULL OR owner = ? OR lease_until < ?)");
            up.setString(1, owner);
            up.setTimestamp(2, Timestamp.from(now.plus(lease)));
            up.setTimestamp(3, Timestamp.from(now));
            up.setString(4, name);
            up.setString(5, owner);
            up.setTimestamp(6, Timestamp.from(now));
            if (up.executeUpdate() == 1) {
                return OptionalLong.of(position(st, name));
            }
            PreparedStatement exists = st.get("SELECT 1 FROM event_consumer WHERE name = ?");
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return OptionalLong.empty(); // held by another node
                }
            }
            long start = 0;
            if (startAtEnd) {
                try (ResultSet rs = st.get("SELECT MAX(id) FROM contact_event").executeQuery()) {
                    rs.next();
                    start = rs.getLong(1);
                }
            }
            PreparedStatement insert = st.get("INSERT INTO event_consumer (name, position, owner, lease_until, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?)");
            insert.setString(1, name);
            insert.setLong(2, start);
            insert.setString(3, owner);
            insert.setTimestamp(4, Timestamp.from(now.plus(lease)));
            insert.setTimestamp(5, Timestamp.from(now));
            try {
                db.dialect().tolerating(st.connection(), insert::executeUpdate);
            } catch (SQLException e) {
                if (ContactTable.isUniqueViolation(e)) {
                    return OptionalLong.empty(); // another node created it at the same moment
                }
                throw e;
            }
            return OptionalLong.of(start);
        });
    }

    private static long position(Statements st, String name) throws SQLException {
        PreparedStatement ps = st.get("SELECT position FROM event_consumer WHERE name = ?");
        ps.setString(1, name);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public boolean advance(String name, String owner, long position, Duration lease) {
        Instant now = Instant.now();
        return db.transaction("advance an event consumer", st -> {
            PreparedStatement ps = st.get("UPDATE event_consumer SET position = ?, lease_until = ?, updated_at = ? "
                    + "WHERE name = ? AND owner = ? AND position <= ?");
            ps.setLong(1, position);
            ps.setTimestamp(2, Timestamp.from(now.plus(lease)));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, name);
            ps.setString(5, owner);
            ps.setLong(6, position);
            return ps.executeUpdate() == 1;
        });
    }

    @Override
    public void release(String name, String owner) {
        db.transaction("release an event consumer", st -> {
            PreparedStatement ps = st.get("UPDATE event_consumer SET owner = NULL, lease_until = NULL WHERE name = ? AND owner = ?");
            ps.setString(1, name);
            ps.setString(2, owner);
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public void park(String name, ContactEvent event, int attempts, String error, Instant at) {
        db.transaction("set an event aside", st -> {
            PreparedStatement del = st.get("DELETE FROM event_parked WHERE consumer = ? AND position = ?");
            del.setString(1, name);
            del.setLong(2, event.sequence());
            del.executeUpdate();
            PreparedStatement ps = st.get("INSERT INTO event_parked (consumer, position, event_uid, attempts, error, parked_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?)");
            ps.setString(1, name);
            ps.setLong(2, event.sequence());
            ps.setString(3, event.id());
            ps.setInt(4, attempts);
            ps.setString(5, error == null ? null : error.length() > 4000 ? error.substring(0, 4000) : error);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.executeUpdate();
            return null;
        });
    }

    @Override
    public List<ParkedEvent> parked(String name) {
        return db.read("read events set aside", st -> {
            PreparedStatement ps = st.get("SELECT consumer, position, event_uid, attempts, error, parked_at FROM event_parked "
                    + "WHERE consumer = ? ORDER BY position");
            ps.setString(1, name);
            List<ParkedEvent> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ParkedEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
            }
            return result;
        });
    }

    // ---- system values

    /** A contact's key, score and public id. */
    private record Score(long key, long score, String contactId) {
    }

    /** The keys of the existing contacts among these public ids, by id. */
    private static Map<String, Long> keys(Statements st, Collection<String> ids) throws SQLException {
        Map<String, Long> result = new LinkedHashMap<>();
        PreparedStatement ps = st.get("SELECT id FROM contact WHERE public_id = ?");
        for (String id : ids) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    result.put(id, rs.getLong(1));
                }
            }
        }
        return result;
    }

    /**
     * Locks the rows of the existing contacts among these ids, in key order (the order every writer
     * of contact rows follows, so no lock cycle forms), and returns their scores as locked.
     */
    private static List<Score> lockScores(Statements st, Collection<String> ids) throws SQLException {
        List<Score> result = new ArrayList<>();
        Map<String, Long> keys = keys(st, ids);
        List<Map.Entry<String, Long>> ordered = new ArrayList<>(keys.entrySet());
        ordered.sort(Map.Entry.comparingByValue());
        PreparedStatement lock = st.get("UPDATE contact SET score = score WHERE id = ?");
        PreparedStatement read = st.get("SELECT score FROM contact WHERE id = ?");
        for (Map.Entry<String, Long> e : ordered) {
            lock.setLong(1, e.getValue());
            if (lock.executeUpdate() == 0) {
                continue; // erased meanwhile
            }
            read.setLong(1, e.getValue());
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                result.add(new Score(e.getValue(), rs.getLong(1), e.getKey()));
            }
        }
        return result;
    }

    @Override
    public List<ScoreChange> score(List<Points> points, Function<ScoreChange, List<EventWrite>> consequences) {
        if (points.isEmpty()) {
            return List.of();
        }
        return db.transaction("score events", st -> {
            // the contact rows first, then the event rows: the lock order of every writer
            Set<String> contacts = new java.util.HashSet<>();
            points.forEach(p -> contacts.add(p.contactId()));
            List<Score> before = lockScores(st, contacts);
            PreparedStatement mark = st.get("UPDATE contact_event SET points = ? WHERE id = ? AND points IS NULL");
            for (Points p : points) {
                mark.setInt(1, p.points());
                mark.setLong(2, p.position());
                mark.addBatch();
            }
            int[] marked = mark.executeBatch();
            Map<String, Long> added = new TreeMap<>();
            for (int i = 0; i < marked.length; i++) {
                if (marked[i] > 0 && points.get(i).points() != 0) {
                    added.merge(points.get(i).contactId(), (long) points.get(i).points(), Long::sum);
                }
            }
            Map<String, Long> target = new LinkedHashMap<>();
            for (Score b : before) {
                Long delta = added.get(b.contactId());
                if (delta != null) {
                    target.put(b.contactId(), b.score() + delta);
                }
            }
            return setScores(st, target, before, consequences);
        });
    }

    @Override
    public List<ScoreChange> rescore(Map<String, Long> scores, Function<ScoreChange, List<EventWrite>> consequences) {
        if (scores.isEmpty()) {
            return List.of();
        }
        return db.transaction("rescore contacts", st -> setScores(st, scores, lockScores(st, scores.keySet()), consequences));
    }

    private static List<ScoreChange> setScores(Statements st, Map<String, Long> target, List<Score> before,
            Function<ScoreChange, List<EventWrite>> consequences) throws SQLException {
        List<ScoreChange> changes = new ArrayList<>();
        PreparedStatement set = st.get("UPDATE contact SET score = ? WHERE id = ?");
        List<EventWrite> follow = new ArrayList<>();
        for (Score b : before) {
            Long after = target.get(b.contactId());
            if (after == null || after == b.score()) {
                continue;
            }
            set.setLong(1, after);
            set.setLong(2, b.key());
            set.addBatch();
            ScoreChange change = new ScoreChange(b.contactId(), b.score(), after);
            changes.add(change);
            for (EventWrite w : consequences.apply(change)) {
                follow.add(w.contactKey() == 0 ? w.forContact(b.key(), b.contactId()) : w);
            }
        }
        if (!changes.isEmpty()) {
            set.executeBatch();
        }
        EventTable.append(st, follow);
        return changes;
    }

    @Override
    public List<ScoredEvent> scoredEvents(String contactId) {
        return db.read("read scored events", st -> {
            PreparedStatement ps = st.get("SELECT e.id, e.points, e.occurred_at FROM contact_event e "
                    + "JOIN contact c ON c.id = e.contact_id "
                    + "WHERE c.public_id = ? AND e.points IS NOT NULL AND e.points <> 0 ORDER BY e.id");
            ps.setString(1, contactId);
            List<ScoredEvent> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ScoredEvent(rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant()));
                }
            }
            return result;
        });
    }

    @Override
    public List<String> scoredContacts(String afterId, int limit) {
        return db.read("list scored contacts", st -> {
            PreparedStatement ps = st.get("SELECT public_id FROM contact WHERE score <> 0 AND public_id > ? "
                    + "ORDER BY public_id FETCH FIRST ? ROWS ONLY");
            ps.setString(1, afterId == null ? "" : afterId);
            ps.setInt(2, limit);
            List<String> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(rs.getString(1));
                }
            }
            return result;
        });
    }

    @Override
    public void recomputeOrders(Collection<String> contactIds, String purchaseType) {
        if (contactIds.isEmpty()) {
            return;
        }
        db.transaction("recompute order figures", st -> {
            PreparedStatement ps = st.get("UPDATE contact SET "
                    + "order_number = (SELECT COUNT(*) FROM contact_event e WHERE e.contact_id = contact.id AND e.event_type = ?), "
                    + "order_summary = (SELECT COALESCE(SUM(e.amount), 0) FROM contact_event e "
                    + "WHERE e.contact_id = contact.id AND e.event_type = ?) "
                    + "WHERE id = ?");
            List<Long> ordered = new ArrayList<>(keys(st, contactIds).values());
            java.util.Collections.sort(ordered); // the lock order of every writer of contact rows
            for (long key : ordered) {
                ps.setString(1, purchaseType);
                ps.setString(2, purchaseType);
                ps.setLong(3, key);
                ps.addBatch();
            }
            ps.executeBatch();
            return null;
        });
    }
}
