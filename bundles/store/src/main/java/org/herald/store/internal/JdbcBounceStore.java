package org.herald.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.store.BounceStore;
import org.herald.store.EventWrite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The one mapping of {@code bounce} and {@code bounce_quarantine}. Recording a received message is one
 * transaction: its rows, the status of the messages it bounced ({@link JdbcMessageStore#bounce}) and its
 * contact events, the events last.
 */
@Component(service = BounceStore.class)
public class JdbcBounceStore implements BounceStore {

    private static final String COLUMNS = "id, bounce_key, seq, received_at, source, bounce_class, reason, status, "
            + "reply_code, recipient, diagnostic, feedback_type, original_message_id, contact_id, contact_public_id, "
            + "campaign_id, message_id, matched_by, sending_domain, effect";
    private static final String Q_COLUMNS = "id, bounce_key, received_at, source, reason, size_bytes";

    private final Database db;

    @Activate
    public JdbcBounceStore(@Reference Database db) {
        this.db = db;
    }

    @Override
    public boolean record(String bounceKey, List<BounceRow> rows, List<MessageBounce> messages, List<EventWrite> events) {
        return db.transaction("record a bounce", st -> {
            if (recorded(st, bounceKey)) {
                return false;
            }
            PreparedStatement in = st.get("INSERT INTO bounce (bounce_key, seq, received_at, source, bounce_class, "
                    + "reason, status, reply_code, recipient, diagnostic, feedback_type, original_message_id, contact_id, "
                    + "contact_public_id, campaign_id, message_id, matched_by, sending_domain, effect) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            for (BounceRow r : rows) {
                in.setString(1, bounceKey);
                in.setInt(2, r.seq());
                in.setTimestamp(3, Timestamp.from(r.receivedAt()));
                in.setString(4, cut(r.source(), 200));
                in.setString(5, r.bounceClass().name());
                in.setString(6, r.reason() == null ? null : r.reason().key());
                in.setString(7, cut(r.status(), 16));
                if (r.replyCode() == null) {
                    in.setNull(8, Types.INTEGER);
                } else {
                    in.setInt(8, r.replyCode());
                }
                in.setString(9, cut(r.recipient(), 320));
                in.setString(10, cut(r.diagnostic(), 1000));
                in.setString(11, cut(r.feedbackType(), 64));
                in.setString(12, cut(r.originalMessageId(), 998));
                in.setLong(13, r.contactKey());
                in.setString(14, r.contactId());
                in.setLong(15, r.campaignId());
                in.setLong(16, r.messageId());
                in.setString(17, r.matchedBy());
                in.setString(18, cut(r.sendingDomain(), 255));
                in.setString(19, r.effect());
                in.addBatch();
            }
            if (!rows.isEmpty()) {
                in.executeBatch();
            }
            for (MessageBounce m : messages) {
                JdbcMessageStore.bounce(st, m);
            }
            EventTable.append(st, events);
            return true;
        });
    }

    private static boolean recorded(Statements st, String bounceKey) throws SQLException {
        PreparedStatement ps = st.get("SELECT 1 FROM bounce WHERE bounce_key = ?");
        ps.setString(1, bounceKey);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    @Override
    public boolean recorded(String bounceKey) {
        return db.read("look a bounce up", st -> recorded(st, bounceKey));
    }

    @Override
    public SoftBounces softBounces(long contactKey) {
        return db.read("count soft bounces", st -> {
            PreparedStatement ps = st.get("SELECT COUNT(*), MIN(received_at), MAX(received_at) FROM bounce "
                    + "WHERE contact_id = ? AND bounce_class = 'SOFT'");
            ps.setLong(1, contactKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new SoftBounces(rs.getLong(1), instant(rs, 2), instant(rs, 3));
            }
        });
    }

    @Override
    public List<CampaignBounces> unconfirmedHardByCampaign(long contactKey) {
        return db.read("read unconfirmed hard bounces", st -> {
            PreparedStatement ps = st.get("SELECT campaign_id, MIN(received_at), MAX(received_at) FROM bounce "
                    + "WHERE contact_id = ? AND bounce_class = 'HARD' AND effect = ? AND campaign_id <> 0 "
                    + "GROUP BY campaign_id ORDER BY campaign_id");
            ps.setLong(1, contactKey);
            ps.setString(2, UNCONFIRMED);
            List<CampaignBounces> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CampaignBounces(rs.getLong(1), instant(rs, 2), instant(rs, 3)));
                }
            }
            return out;
        });
    }

    @Override
    public List<BounceRow> list(BounceClass bounceClass, long contactKey, int offset, int limit) {
        return db.read("list bounces", st -> {
            StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM bounce WHERE 1 = 1");
            List<Object> params = new ArrayList<>();
            if (bounceClass != null) {
                sql.append(" AND bounce_class = ?");
                params.add(bounceClass.name());
            }
            if (contactKey != 0) {
                sql.append(" AND contact_id = ?");
                params.add(contactKey);
            }
            sql.append(" ORDER BY received_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
            params.add(Math.max(0, offset));
            params.add(Math.max(1, limit));
            PreparedStatement ps = st.get(sql.toString());
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            return rows(ps);
        });
    }

    @Override
    public List<BounceRow> ofKey(String bounceKey) {
        return db.read("read a bounce", st -> {
            PreparedStatement ps = st.get("SELECT " + COLUMNS + " FROM bounce WHERE bounce_key = ? ORDER BY seq");
            ps.setString(1, bounceKey);
            return rows(ps);
        });
    }

    private static List<BounceRow> rows(PreparedStatement ps) throws SQLException {
        List<BounceRow> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                int code = rs.getInt(9);
                Integer replyCode = rs.wasNull() ? null : code;
                String reason = rs.getString(7);
                out.add(new BounceRow(rs.getLong(1), rs.getString(2), rs.getInt(3), instant(rs, 4), rs.getString(5),
                        BounceClass.valueOf(rs.getString(6)), reason == null ? null : BounceReason.fromKey(reason).orElse(null),
                        rs.getString(8), replyCode, rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                        rs.getLong(14), rs.getString(15), rs.getLong(16), rs.getLong(17), rs.getString(18), rs.getString(19),
                        rs.getString(20)));
            }
        }
        return out;
    }

    @Override
    public List<DomainCount> countBySendingDomain(BounceClass bounceClass, Instant since) {
        return db.read("count bounces per domain", st -> {
            PreparedStatement ps = st.get("SELECT COALESCE(sending_domain, 'unknown'), COUNT(*) FROM bounce "
                    + "WHERE bounce_class = ? AND received_at >= ? GROUP BY COALESCE(sending_domain, 'unknown') "
                    + "ORDER BY COUNT(*) DESC, COALESCE(sending_domain, 'unknown')");
            ps.setString(1, bounceClass.name());
            ps.setTimestamp(2, Timestamp.from(since));
            List<DomainCount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DomainCount(rs.getString(1), rs.getLong(2)));
                }
            }
            return out;
        });
    }

    // ---- quarantine

    @Override
    public Quarantined quarantine(String bounceKey, Instant at, String source, String reason, byte[] raw) {
        return db.transaction("quarantine a message", st -> {
            Optional<Quarantined> existing = quarantinedByKey(st, bounceKey);
            if (existing.isPresent()) {
                return existing.get();
            }
            PreparedStatement in = st.get("INSERT INTO bounce_quarantine (bounce_key, received_at, source, reason, "
                    + "size_bytes, raw_message) VALUES (?, ?, ?, ?, ?, ?)");
            in.setString(1, bounceKey);
            in.setTimestamp(2, Timestamp.from(at));
            in.setString(3, cut(source, 200));
            in.setString(4, cut(reason == null ? "unknown" : reason, 1000));
            in.setLong(5, raw.length);
            in.setBytes(6, raw);
            in.executeUpdate();
            return quarantinedByKey(st, bounceKey).orElseThrow();
        });
    }

    private static Optional<Quarantined> quarantinedByKey(Statements st, String bounceKey) throws SQLException {
        PreparedStatement ps = st.get("SELECT " + Q_COLUMNS + " FROM bounce_quarantine WHERE bounce_key = ?");
        ps.setString(1, bounceKey);
        List<Quarantined> found = quarantinedRows(ps);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private static List<Quarantined> quarantinedRows(PreparedStatement ps) throws SQLException {
        List<Quarantined> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Quarantined(rs.getLong(1), rs.getString(2), instant(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getLong(6)));
            }
        }
        return out;
    }

    @Override
    public List<Quarantined> quarantined(int offset, int limit) {
        return db.read("list quarantined messages", st -> {
            PreparedStatement ps = st.get("SELECT " + Q_COLUMNS + " FROM bounce_quarantine "
                    + "ORDER BY received_at DESC, id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
            ps.setInt(1, Math.max(0, offset));
            ps.setInt(2, Math.max(1, limit));
            return quarantinedRows(ps);
        });
    }

    @Override
    public Optional<Quarantined> findQuarantined(long id) {
        return db.read("read a quarantined message", st -> {
            PreparedStatement ps = st.get("SELECT " + Q_COLUMNS + " FROM bounce_quarantine WHERE id = ?");
            ps.setLong(1, id);
            List<Quarantined> found = quarantinedRows(ps);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    @Override
    public Optional<byte[]> quarantinedMessage(long id) {
        return db.read("read a quarantined message", st -> {
            PreparedStatement ps = st.get("SELECT raw_message FROM bounce_quarantine WHERE id = ?");
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.<byte[]>empty();
            }
        });
    }

    @Override
    public boolean deleteQuarantined(long id) {
        return db.transaction("delete a quarantined message", st -> {
            PreparedStatement ps = st.get("DELETE FROM bounce_quarantine WHERE id = ?");
            ps.setLong(1, id);
            return ps.executeUpdate() > 0;
        });
    }

    /** Removes the bounces of a contact (erasure, purge) in the caller's transaction. */
    static void deleteOf(Statements st, long contactKey) throws SQLException {
        PreparedStatement ps = st.get("DELETE FROM bounce WHERE contact_id = ?");
        ps.setLong(1, contactKey);
        ps.executeUpdate();
    }

    /** Removes the bounces of the contacts deleted before {@code cutoff}, in the caller's transaction. */
    static void deleteOfDeletedBefore(Statements st, Instant cutoff) throws SQLException {
        PreparedStatement ps = st.get("DELETE FROM bounce WHERE contact_id IN "
                + "(SELECT id FROM contact WHERE deleted_at IS NOT NULL AND deleted_at < ?)");
        ps.setTimestamp(1, Timestamp.from(cutoff));
        ps.executeUpdate();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
