package org.herald.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.events.ContactEvent;
import org.herald.store.EventWrite;

/**
 * The one mapping of {@code contact_event}, the log. {@link #append} is the only way rows get in,
 * for the contact store (events of a contact change) and the event store (ingested events) alike.
 * <p>
 * Positions: the {@code event} row of {@code herald_key_block} is locked and advanced as the
 * last step of the appending transaction and stays locked until its commit, so appends take
 * their positions one transaction after the other, in commit order; a rolled-back append gives
 * its positions back. Nothing is locked after that row, so no lock cycle can form with it.
 */
final class EventTable {

    static final String COLUMNS = "e.id, e.event_uid, e.contact_public_id, e.event_type, e.occurred_at, e.recorded_at, "
            + "e.source, e.actor, e.properties, e.points";

    private static final String LOCK = "UPDATE herald_key_block SET next_value = next_value WHERE name = 'event'";
    private static final String NEXT = "SELECT next_value FROM herald_key_block WHERE name = 'event'";
    private static final String ADVANCE = "UPDATE herald_key_block SET next_value = ? WHERE name = 'event'";
    private static final String INSERT = "INSERT INTO contact_event (id, event_uid, contact_id, contact_public_id, "
            + "event_type, occurred_at, recorded_at, source, actor, properties, amount, currency, points) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final int MAX_PROPERTIES = 32000;

    private EventTable() {
    }

    /**
     * Appends on the caller's transaction; must be the last write of it. Returns each event's
     * position, 0 for a duplicate of a client-supplied id (stored before or earlier in the batch).
     */
    static long[] append(Statements st, List<EventWrite> events) throws SQLException {
        long[] positions = new long[events.size()];
        if (events.isEmpty()) {
            return positions;
        }
        PreparedStatement lock = st.get(LOCK);
        if (lock.executeUpdate() != 1) {
            throw new SQLException("the 'event' row of herald_key_block is missing");
        }
        Set<String> taken = existingClientIds(st, events);
        long next;
        try (ResultSet rs = st.get(NEXT).executeQuery()) {
            rs.next();
            next = rs.getLong(1);
        }
        // many events at once (an import's) go through COPY on PostgreSQL, as their contacts did
        PostgresCopy copy = st.dialect().bulkCopy() && events.size() >= ContactTable.COPY_FROM
                ? new PostgresCopy("contact_event", COPY_COLUMNS) : null;
        PreparedStatement insert = copy == null ? st.get(INSERT) : null;
        int added = 0;
        for (int i = 0; i < events.size(); i++) {
            EventWrite e = events.get(i);
            if (e.clientId() && !taken.add(e.uid())) {
                continue;
            }
            long position = next++;
            positions[i] = position;
            if (copy != null) {
                copyRow(copy, position, e);
            } else {
                bind(insert, position, e);
                insert.addBatch();
            }
            added++;
        }
        if (added > 0) {
            if (copy != null) {
                copy.copy(st.connection());
            } else {
                insert.executeBatch();
            }
            PreparedStatement advance = st.get(ADVANCE);
            advance.setLong(1, next);
            advance.executeUpdate();
        }
        return positions;
    }

    private static Set<String> existingClientIds(Statements st, List<EventWrite> events) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (EventWrite e : events) {
            if (e.clientId()) {
                ids.add(e.uid());
            }
        }
        Set<String> found = new HashSet<>();
        if (ids.isEmpty()) {
            return found;
        }
        int chunkSize = ContactTable.IN_CHUNK;
        PreparedStatement ps = st.get("SELECT event_uid FROM contact_event " + ContactTable.hint("index=contact_event_uid")
                + "WHERE event_uid IN (" + ContactTable.placeholders(chunkSize) + ")");
        List<String> distinct = new ArrayList<>(new HashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += chunkSize) {
            ContactTable.bindStrings(ps, distinct.subList(from, Math.min(distinct.size(), from + chunkSize)), chunkSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static void bind(PreparedStatement ps, long position, EventWrite e) throws SQLException {
        ps.setLong(1, position);
        ps.setString(2, e.uid());
        if (e.contactKey() == 0) {
            ps.setNull(3, Types.BIGINT);
        } else {
            ps.setLong(3, e.contactKey());
        }
        ps.setString(4, e.contactId());
        ps.setString(5, e.type());
        ps.setTimestamp(6, Timestamp.from(e.occurredAt()));
        ps.setTimestamp(7, Timestamp.from(e.recordedAt()));
        ps.setString(8, truncate(e.source(), 64));
        ps.setString(9, truncate(e.actor(), 255));
        String json = e.properties().isEmpty() ? null : Json.write(e.properties());
        if (json != null && json.length() > MAX_PROPERTIES) {
            throw new IllegalArgumentException("event properties longer than " + MAX_PROPERTIES + " characters");
        }
        ps.setString(10, json);
        if (e.amount() == null) {
            ps.setNull(11, Types.DECIMAL);
        } else {
            ps.setBigDecimal(11, e.amount());
        }
        ps.setString(12, e.currency());
        ps.setNull(13, Types.INTEGER);
    }

    private static final String COPY_COLUMNS = "id, event_uid, contact_id, contact_public_id, event_type, occurred_at, "
            + "recorded_at, source, actor, properties, amount, currency, points";

    /** The row {@link #bind} binds, as COPY text. */
    private static void copyRow(PostgresCopy copy, long position, EventWrite e) {
        String json = e.properties().isEmpty() ? null : Json.write(e.properties());
        if (json != null && json.length() > MAX_PROPERTIES) {
            throw new IllegalArgumentException("event properties longer than " + MAX_PROPERTIES + " characters");
        }
        copy.value(position).value(e.uid()).value(e.contactKey() == 0 ? null : e.contactKey()).value(e.contactId())
                .value(e.type()).value(e.occurredAt()).value(e.recordedAt()).value(truncate(e.source(), 64))
                .value(truncate(e.actor(), 255)).value(json).value(e.amount()).value(e.currency()).value(null).endRow();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** An event from a row of {@code SELECT COLUMNS FROM contact_event e}. */
    static ContactEvent read(ResultSet rs) throws SQLException {
        String json = rs.getString(9);
        int points = rs.getInt(10);
        boolean scored = !rs.wasNull();
        return ContactEvent.builder().sequence(rs.getLong(1)).id(rs.getString(2)).contactId(rs.getString(3))
                .type(rs.getString(4)).occurredAt(rs.getTimestamp(5).toInstant())
                .recordedAt(rs.getTimestamp(6).toInstant()).source(rs.getString(7)).actor(rs.getString(8))
                .properties(json == null ? Map.of() : Json.object(json)).points(scored ? points : null).build();
    }

    /** Deletes the events of a contact on the caller's transaction. */
    static void deleteOf(Statements st, long contactKey) throws SQLException {
        PreparedStatement ps = st.get("DELETE FROM contact_event WHERE contact_id = ?");
        ps.setLong(1, contactKey);
        ps.executeUpdate();
    }
}
