package org.herald.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.herald.campaigns.Frequency;
import org.herald.campaigns.MailChoices;
import org.herald.campaigns.MessageStatus;
import org.herald.common.NotFoundException;
import org.herald.contacts.OptInStatus;
import org.herald.store.BounceStore;
import org.herald.store.EventWrite;
import org.herald.store.MessageStore;
import org.herald.store.SegmentCompiler;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The one mapping of {@code campaign_message} and {@code contact_mail_choice}, all JDBC: recipients
 * selected by SQL, messages queued and changed in batches, each batch's contact events appended as
 * the last write of its transaction.
 */
@Component(service = MessageStore.class)
public class JdbcMessageStore implements MessageStore {

    private static final int CHUNK = 200;
    private static final String COLUMNS = "m.id, m.campaign_id, m.contact_id, c.public_id, c.email, c.status, "
            + "c.deleted_at, m.status, m.lists, m.queued_at, m.status_at, m.sent_at, m.next_attempt_at, m.attempts, "
            + "m.first_failure_at, m.reply, m.variant";
    // the hint: Derby would compile the IN list of read() into a table scan, whose locks deadlock concurrent writers
    private static final String FROM = " FROM campaign_message m " + ContactTable.hint("constraint=campaign_message_pk")
            + "JOIN contact c ON c.id = m.contact_id";

    private final Database db;
    private final KeyAllocator keys;

    @Activate
    public JdbcMessageStore(@Reference Database db) {
        this.db = db;
        this.keys = db.keys("message", 1000);
    }

    // ---- recipients

    @Override
    public List<Recipient> recipients(AudienceQuery q, long afterKey, int limit) {
        if ((q.lists().isEmpty() && q.segments().isEmpty()) || q.statuses().isEmpty()) {
            return List.of();
        }
        if (!q.segments().isEmpty() || !q.excludeSegments().isEmpty()) {
            return segmentRecipients(q, afterKey, limit);
        }
        List<Object> params = new ArrayList<>();
        List<String> lists = q.lists().stream().sorted().toList();
        List<String> statuses = q.statuses().stream().map(Enum::name).sorted().toList();
        StringBuilder sql = new StringBuilder("SELECT c.id, c.public_id, l.name FROM contact c "
                + "JOIN list_member lm ON lm.contact_id = c.id JOIN mailing_list l ON l.id = lm.list_id "
                + "WHERE c.id > ? AND c.deleted_at IS NULL AND l.name IN (")
                .append(ContactTable.placeholders(lists.size())).append(") AND c.status IN (")
                .append(ContactTable.placeholders(statuses.size())).append(')');
        params.add(afterKey);
        params.addAll(lists);
        params.addAll(statuses);
        if (!q.excludeLists().isEmpty()) {
            List<String> excluded = q.excludeLists().stream().sorted().toList();
            sql.append(" AND NOT EXISTS (SELECT 1 FROM list_member xm JOIN mailing_list xl ON xl.id = xm.list_id "
                    + "WHERE xm.contact_id = c.id AND xl.name IN (").append(ContactTable.placeholders(excluded.size()))
                    .append("))");
            params.addAll(excluded);
        }
        sql.append(" ORDER BY c.id, l.name");
        return db.read("select recipients", st -> {
            List<Recipient> result = new ArrayList<>();
            try (PreparedStatement ps = st.connection().prepareStatement(sql.toString())) {
                ContactTable.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    long current = -1;
                    String id = null;
                    List<String> names = new ArrayList<>();
                    while (rs.next()) {
                        long key = rs.getLong(1);
                        if (key != current) {
                            if (current >= 0) {
                                result.add(new Recipient(current, id, names));
                                if (result.size() == limit) {
                                    return result;
                                }
                            }
                            current = key;
                            id = rs.getString(2);
                            names = new ArrayList<>();
                        }
                        names.add(rs.getString(3));
                    }
                    if (current >= 0) {
                        result.add(new Recipient(current, id, names));
                    }
                }
            }
            return result;
        });
    }

    /**
     * Recipients of a query with segments: one statement selects the next contacts (in a target list
     * or matching a target segment, in no exclusion), then the lists each leaves are read for that key
     * range: its memberships of the target lists and the parent lists of the target segments it
     * matches. An exclusion segment is tested as {@code CASE WHEN … THEN 1 ELSE 0 END = 0}, so a
     * condition that is UNKNOWN for a contact (an empty field) does not exclude it, as the segment
     * does not hold it either.
     */
    private List<Recipient> segmentRecipients(AudienceQuery q, long afterKey, int limit) {
        List<Object> params = new ArrayList<>();
        List<String> lists = q.lists().stream().sorted().toList();
        List<String> statuses = q.statuses().stream().map(Enum::name).sorted().toList();
        StringBuilder sql = new StringBuilder("SELECT c.id, c.public_id FROM contact c WHERE c.id > ? "
                + "AND c.deleted_at IS NULL AND c.status IN (").append(ContactTable.placeholders(statuses.size()))
                .append(") AND (");
        params.add(afterKey);
        params.addAll(statuses);
        List<String> targets = new ArrayList<>();
        if (!lists.isEmpty()) {
            targets.add("c.id IN (SELECT lm.contact_id FROM list_member lm JOIN mailing_list l ON l.id = lm.list_id "
                    + "WHERE l.name IN (" + ContactTable.placeholders(lists.size()) + "))");
            params.addAll(lists);
        }
        for (SegmentCompiler.CompiledSegment segment : q.segments()) {
            targets.add("(" + segment.sql().where() + ")");
            params.addAll(segment.sql().params());
        }
        sql.append(String.join(" OR ", targets)).append(')');
        if (!q.excludeLists().isEmpty()) {
            List<String> excluded = q.excludeLists().stream().sorted().toList();
            sql.append(" AND NOT EXISTS (SELECT 1 FROM list_member xm JOIN mailing_list xl ON xl.id = xm.list_id "
                    + "WHERE xm.contact_id = c.id AND xl.name IN (").append(ContactTable.placeholders(excluded.size()))
                    .append("))");
            params.addAll(excluded);
        }
        for (SegmentCompiler.CompiledSegment segment : q.excludeSegments()) {
            sql.append(" AND CASE WHEN (").append(segment.sql().where()).append(") THEN 1 ELSE 0 END = 0");
            params.addAll(segment.sql().params());
        }
        sql.append(" ORDER BY c.id FETCH FIRST ? ROWS ONLY");
        params.add(limit);
        return db.read("select recipients", st -> {
            Map<Long, String> selected = new LinkedHashMap<>();
            try (PreparedStatement ps = st.connection().prepareStatement(sql.toString())) {
                ContactTable.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        selected.put(rs.getLong(1), rs.getString(2));
                    }
                }
            }
            if (selected.isEmpty()) {
                return List.<Recipient>of();
            }
            long first = selected.keySet().iterator().next();
            long last = 0;
            for (long key : selected.keySet()) {
                last = key;
            }
            Map<Long, java.util.TreeSet<String>> leaves = new HashMap<>();
            if (!lists.isEmpty()) {
                try (PreparedStatement ps = st.connection().prepareStatement("SELECT lm.contact_id, l.name FROM list_member lm "
                        + "JOIN mailing_list l ON l.id = lm.list_id WHERE lm.contact_id >= ? AND lm.contact_id <= ? "
                        + "AND l.name IN (" + ContactTable.placeholders(lists.size()) + ")")) {
                    List<Object> p = new ArrayList<>(List.of(first, last));
                    p.addAll(lists);
                    ContactTable.bind(ps, p);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            leaves.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>()).add(rs.getString(2));
                        }
                    }
                }
            }
            for (SegmentCompiler.CompiledSegment segment : q.segments()) {
                if (segment.parentList() == null) {
                    continue;
                }
                try (PreparedStatement ps = st.connection().prepareStatement("SELECT c.id FROM contact c WHERE c.id >= ? "
                        + "AND c.id <= ? AND c.deleted_at IS NULL AND (" + segment.sql().where() + ")")) {
                    List<Object> p = new ArrayList<>(List.of(first, last));
                    p.addAll(segment.sql().params());
                    ContactTable.bind(ps, p);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            leaves.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>()).add(segment.parentList());
                        }
                    }
                }
            }
            List<Recipient> result = new ArrayList<>();
            selected.forEach((key, id) -> result.add(new Recipient(key, id,
                    List.copyOf(leaves.getOrDefault(key, new java.util.TreeSet<>())))));
            return result;
        });
    }

    // ---- messages

    @Override
    public List<MessageRecord> enqueue(long campaignId, List<Recipient> recipients, Instant at,
            Function<MessageRecord, EventWrite> event) {
        if (recipients.isEmpty()) {
            return List.of();
        }
        List<Recipient> sorted = recipients.stream().sorted(Comparator.comparingLong(Recipient::contactKey)).toList();
        return db.transaction("queue messages", st -> {
            Set<Long> queued = queuedContacts(st, campaignId, sorted);
            Set<Long> fresh = new HashSet<>();
            PreparedStatement insert = st.get("INSERT INTO campaign_message (id, campaign_id, contact_id, status, lists, "
                    + "queued_at, status_at, next_attempt_at, attempts, variant) VALUES (?, ?, ?, 'WFS', ?, ?, ?, ?, 0, ?)");
            List<Long> ids = new ArrayList<>();
            Timestamp t = Timestamp.from(at);
            for (Recipient r : sorted) {
                if (!queued.add(r.contactKey())) {
                    continue;
                }
                fresh.add(r.contactKey());
                long id = keys.next();
                ids.add(id);
                insert.setLong(1, id);
                insert.setLong(2, campaignId);
                insert.setLong(3, r.contactKey());
                insert.setString(4, CampaignEntity.join(r.lists()));
                insert.setTimestamp(5, t);
                insert.setTimestamp(6, t);
                insert.setTimestamp(7, t);
                insert.setString(8, r.variant());
                insert.addBatch();
            }
            if (ids.isEmpty()) {
                return List.<MessageRecord>of();
            }
            insert.executeBatch();
            List<MessageRecord> records = new ArrayList<>();
            int i = 0;
            for (Recipient r : sorted) {
                if (i < ids.size() && fresh.contains(r.contactKey())) {
                    records.add(new MessageRecord(ids.get(i++), campaignId, r.contactKey(), r.contactId(), null, null, false,
                            MessageStatus.WFS, r.lists(), at, at, null, at, 0, null, null, r.variant()));
                }
            }
            EventTable.append(st, records.stream().map(event).toList());
            return records;
        });
    }

    private static Set<Long> queuedContacts(Statements st, long campaignId, List<Recipient> recipients) throws SQLException {
        Set<Long> found = new HashSet<>();
        PreparedStatement ps = st.get("SELECT contact_id FROM campaign_message "
                + ContactTable.hint("index=campaign_message_recipient") + "WHERE campaign_id = ? AND contact_id IN ("
                + ContactTable.placeholders(CHUNK) + ")");
        for (int from = 0; from < recipients.size(); from += CHUNK) {
            List<Recipient> chunk = recipients.subList(from, Math.min(recipients.size(), from + CHUNK));
            ps.setLong(1, campaignId);
            for (int i = 0; i < CHUNK; i++) {
                if (i < chunk.size()) {
                    ps.setLong(i + 2, chunk.get(i).contactKey());
                } else {
                    ps.setNull(i + 2, Types.BIGINT);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
        }
        return found;
    }

    /** The messages with these ids, in id order. */
    private static List<MessageRecord> read(Statements st, List<Long> ids) throws SQLException {
        List<MessageRecord> result = new ArrayList<>();
        List<Long> sorted = ids.stream().sorted().distinct().toList();
        for (int from = 0; from < sorted.size(); from += CHUNK) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + CHUNK));
            int slots = Math.min(CHUNK, ContactTable.slots(chunk.size()));
            PreparedStatement ps = st.get("SELECT " + COLUMNS + FROM + " WHERE m.id IN (" + ContactTable.placeholders(slots)
                    + ")");
            bindLongs(ps, 1, chunk, slots);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(message(rs));
                }
            }
        }
        result.sort(Comparator.comparingLong(MessageRecord::id));
        return result;
    }

    private static void bindLongs(PreparedStatement ps, int first, List<Long> values, int slots) throws SQLException {
        for (int i = 0; i < slots; i++) {
            if (i < values.size()) {
                ps.setLong(first + i, values.get(i));
            } else {
                ps.setNull(first + i, Types.BIGINT);
            }
        }
    }

    private static MessageRecord message(ResultSet rs) throws SQLException {
        return new MessageRecord(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                OptInStatus.valueOf(rs.getString(6)), rs.getTimestamp(7) != null, MessageStatus.valueOf(rs.getString(8)),
                CampaignEntity.split(rs.getString(9)), instant(rs, 10), instant(rs, 11), instant(rs, 12), instant(rs, 13),
                rs.getInt(14), instant(rs, 15), rs.getString(16), rs.getString(17));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    @Override
    public List<MessageRecord> lease(Instant now, Instant leaseUntil, int limit) {
        List<Long> leasedIds = db.transaction("lease messages", st -> {
            PreparedStatement due = st.get("SELECT m.id FROM campaign_message m JOIN campaign k ON k.id = m.campaign_id "
                    + "WHERE m.status = 'WFS' AND m.next_attempt_at <= ? AND k.state = 'SENDING' "
                    + "ORDER BY m.campaign_id, m.id FETCH FIRST ? ROWS ONLY");
            due.setTimestamp(1, Timestamp.from(now));
            due.setInt(2, limit);
            List<Long> candidates = new ArrayList<>();
            try (ResultSet rs = due.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
            if (candidates.isEmpty()) {
                return List.<Long>of();
            }
            // the guarded update is the claim: with several nodes only one moves a message's due time
            PreparedStatement claim = st.get("UPDATE campaign_message SET next_attempt_at = ? "
                    + "WHERE id = ? AND status = 'WFS' AND next_attempt_at <= ?");
            for (long id : candidates) {
                claim.setTimestamp(1, Timestamp.from(leaseUntil));
                claim.setLong(2, id);
                claim.setTimestamp(3, Timestamp.from(now));
                claim.addBatch();
            }
            int[] counts = claim.executeBatch();
            List<Long> leased = new ArrayList<>();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] != 0) {
                    leased.add(candidates.get(i));
                }
            }
            return leased;
        });
        // read after the claim committed: the claiming transaction holds only the rows it updated
        return leasedIds.isEmpty() ? List.of() : db.read("read leased messages", st -> read(st, leasedIds));
    }

    @Override
    public MessageRecord find(long messageId) {
        return db.read("read a message", st -> {
            List<MessageRecord> found = read(st, List.of(messageId));
            if (found.isEmpty()) {
                throw new NotFoundException("message " + messageId + " does not exist");
            }
            return found.get(0);
        });
    }

    @Override
    public List<MessageRecord> change(List<StatusChange> changes, Function<MessageRecord, EventWrite> event) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<StatusChange> sorted = changes.stream().sorted(Comparator.comparingLong(StatusChange::messageId)).toList();
        // read before the writing transaction, which then only updates rows by key and appends the events
        Map<Long, MessageRecord> before = new HashMap<>();
        db.read("read messages", st -> read(st, sorted.stream().map(StatusChange::messageId).toList()))
                .forEach(m -> before.put(m.id(), m));
        return db.transaction("change message statuses", st -> {
            PreparedStatement done = st.get("UPDATE campaign_message SET status = ?, status_at = ?, "
                    + "sent_at = CASE WHEN ? = 'SENT' THEN ? ELSE sent_at END, next_attempt_at = NULL, "
                    + "attempts = attempts + ?, reply = COALESCE(?, reply) WHERE id = ? AND status = 'WFS'");
            PreparedStatement retry = st.get("UPDATE campaign_message SET next_attempt_at = ?, attempts = attempts + 1, "
                    + "first_failure_at = COALESCE(first_failure_at, ?), reply = ? WHERE id = ? AND status = 'WFS'");
            List<MessageRecord> finals = new ArrayList<>();
            List<MessageRecord> all = new ArrayList<>();
            for (StatusChange c : sorted) {
                MessageRecord m = before.get(c.messageId());
                if (m == null) {
                    continue;
                }
                Timestamp at = Timestamp.from(c.at());
                String reply = truncate(c.reply());
                if (c.retryAt() != null) {
                    retry.setTimestamp(1, Timestamp.from(c.retryAt()));
                    retry.setTimestamp(2, at);
                    retry.setString(3, reply);
                    retry.setLong(4, c.messageId());
                    if (retry.executeUpdate() > 0) {
                        all.add(new MessageRecord(m.id(), m.campaignId(), m.contactKey(), m.contactId(), m.email(),
                                m.contactStatus(), m.contactDeleted(), MessageStatus.WFS, m.lists(), m.queuedAt(),
                                m.statusAt(), m.sentAt(), c.retryAt(), m.attempts() + 1,
                                m.firstFailureAt() == null ? c.at() : m.firstFailureAt(), reply, m.variant()));
                    }
                } else {
                    boolean attempt = c.status() != MessageStatus.C && c.status() != MessageStatus.OO;
                    done.setString(1, c.status().name());
                    done.setTimestamp(2, at);
                    done.setString(3, c.status().name());
                    done.setTimestamp(4, at);
                    done.setInt(5, attempt ? 1 : 0);
                    done.setString(6, reply);
                    done.setLong(7, c.messageId());
                    if (done.executeUpdate() > 0) {
                        MessageRecord after = new MessageRecord(m.id(), m.campaignId(), m.contactKey(), m.contactId(),
                                m.email(), m.contactStatus(), m.contactDeleted(), c.status(), m.lists(), m.queuedAt(), c.at(),
                                c.status() == MessageStatus.SENT ? c.at() : m.sentAt(), null,
                                m.attempts() + (attempt ? 1 : 0), m.firstFailureAt(), reply == null ? m.reply() : reply,
                                m.variant());
                        finals.add(after);
                        all.add(after);
                    }
                }
            }
            EventTable.append(st, finals.stream().map(event).toList());
            return all;
        });
    }

    /**
     * A bounce received for a message: a SENT (or still WFS) message takes the bounce's status, in the
     * caller's transaction; a message with another final status keeps it. Returns whether it changed.
     */
    static boolean bounce(Statements st, BounceStore.MessageBounce b) throws SQLException {
        PreparedStatement ps = st.get("UPDATE campaign_message SET status = ?, status_at = ?, next_attempt_at = NULL, "
                + "reply = COALESCE(?, reply) WHERE id = ? AND status IN ('SENT', 'WFS')");
        ps.setString(1, b.status().name());
        ps.setTimestamp(2, Timestamp.from(b.at()));
        ps.setString(3, truncate(b.reply()));
        ps.setLong(4, b.messageId());
        return ps.executeUpdate() > 0;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    @Override
    public List<Long> waiting(long campaignId, long afterId, int limit) {
        return db.read("list waiting messages", st -> {
            PreparedStatement ps = st.get("SELECT id FROM campaign_message WHERE campaign_id = ? AND status = 'WFS' "
                    + "AND id > ? ORDER BY id FETCH FIRST ? ROWS ONLY");
            ps.setLong(1, campaignId);
            ps.setLong(2, afterId);
            ps.setInt(3, limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        });
    }

    @Override
    public Map<MessageStatus, Long> counts(long campaignId) {
        return db.read("count messages", st -> {
            PreparedStatement ps = st.get("SELECT status, COUNT(*) FROM campaign_message WHERE campaign_id = ? GROUP BY status");
            ps.setLong(1, campaignId);
            Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
            Arrays.stream(MessageStatus.values()).forEach(s -> counts.put(s, 0L));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(MessageStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    @Override
    public long retrying(long campaignId) {
        return db.read("count retrying messages", st -> {
            PreparedStatement ps = st.get("SELECT COUNT(*) FROM campaign_message WHERE campaign_id = ? AND status = 'WFS' "
                    + "AND first_failure_at IS NOT NULL");
            ps.setLong(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public boolean hasWaiting(long campaignId) {
        return !waiting(campaignId, 0, 1).isEmpty();
    }

    @Override
    public Map<Long, Instant> lastMarketingSends(Collection<Long> contactKeys, long exceptCampaign, Instant since) {
        List<Long> keyList = contactKeys.stream().sorted().distinct().toList();
        return db.read("read last sends", st -> {
            Map<Long, Instant> result = new HashMap<>();
            PreparedStatement ps = st.get("SELECT m.contact_id, MAX(m.sent_at) FROM campaign_message m "
                    + "JOIN campaign k ON k.id = m.campaign_id WHERE m.campaign_id <> ? AND m.status = 'SENT' "
                    + "AND k.transactional = FALSE AND m.sent_at >= ? AND m.contact_id IN ("
                    + ContactTable.placeholders(CHUNK) + ") GROUP BY m.contact_id");
            for (int from = 0; from < keyList.size(); from += CHUNK) {
                ps.setLong(1, exceptCampaign);
                ps.setTimestamp(2, Timestamp.from(since));
                bindLongs(ps, 3, keyList.subList(from, Math.min(keyList.size(), from + CHUNK)), CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    }
                }
            }
            return result;
        });
    }

    @Override
    public Set<Long> queuedEarlier(Collection<Long> contactKeys, long campaignId, Instant since) {
        List<Long> keyList = contactKeys.stream().sorted().distinct().toList();
        return db.read("read earlier messages", st -> {
            Set<Long> result = new HashSet<>();
            PreparedStatement ps = st.get("SELECT o.contact_id FROM campaign_message o "
                    + "JOIN campaign_message s ON s.contact_id = o.contact_id AND s.campaign_id = ? "
                    + "JOIN campaign k ON k.id = o.campaign_id "
                    + "WHERE o.campaign_id <> ? AND k.transactional = FALSE AND o.queued_at >= ? "
                    + "AND o.status IN ('SENT', 'WFS') "
                    + "AND (o.queued_at < s.queued_at OR (o.queued_at = s.queued_at AND o.id < s.id)) "
                    + "AND o.contact_id IN (" + ContactTable.placeholders(CHUNK) + ")");
            for (int from = 0; from < keyList.size(); from += CHUNK) {
                ps.setLong(1, campaignId);
                ps.setLong(2, campaignId);
                ps.setTimestamp(3, Timestamp.from(since));
                bindLongs(ps, 4, keyList.subList(from, Math.min(keyList.size(), from + CHUNK)), CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(rs.getLong(1));
                    }
                }
            }
            return result;
        });
    }

    // ---- sending choices

    @Override
    public MailChoices choices(long contactKey) {
        return db.read("read sending choices", st -> choices(st, contactKey));
    }

    private static MailChoices choices(Statements st, long contactKey) throws SQLException {
        PreparedStatement ps = st.get("SELECT frequency, one_message_weekly FROM contact_mail_choice WHERE contact_id = ?");
        ps.setLong(1, contactKey);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return MailChoices.NONE;
            }
            String f = rs.getString(1);
            return new MailChoices(f == null ? null : Frequency.valueOf(f), rs.getBoolean(2));
        }
    }

    @Override
    public void setChoices(long contactKey, MailChoices choices, Instant at, EventWrite event) {
        setChoices(contactKey, choices, at, event, null);
    }

    @Override
    public void setChoices(long contactKey, MailChoices choices, Instant at, EventWrite event,
            org.herald.contacts.ConsentEntry consent) {
        db.transaction("store sending choices", st -> {
            PreparedStatement up = st.get("UPDATE contact_mail_choice SET frequency = ?, one_message_weekly = ?, "
                    + "updated_at = ? WHERE contact_id = ?");
            up.setString(1, choices.frequency() == null ? null : choices.frequency().name());
            up.setBoolean(2, choices.oneMessageWeekly());
            up.setTimestamp(3, Timestamp.from(at));
            up.setLong(4, contactKey);
            if (up.executeUpdate() == 0) {
                PreparedStatement in = st.get("INSERT INTO contact_mail_choice (contact_id, frequency, one_message_weekly, "
                        + "updated_at) VALUES (?, ?, ?, ?)");
                in.setLong(1, contactKey);
                in.setString(2, choices.frequency() == null ? null : choices.frequency().name());
                in.setBoolean(3, choices.oneMessageWeekly());
                in.setTimestamp(4, Timestamp.from(at));
                in.executeUpdate();
            }
            EventTable.append(st, List.of(event));
            if (consent != null) {
                PreparedStatement ledger = ContactTable.ledgerInsert(st);
                ContactTable.addLedgerEntry(ledger, contactKey, consent);
                ledger.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<EventCount> eventCounts(String source) {
        return db.read("count campaign events", st -> {
            PreparedStatement ps = st.get("SELECT event_type, COUNT(*), COUNT(DISTINCT contact_id) FROM contact_event "
                    + "WHERE source = ? GROUP BY event_type");
            ps.setString(1, source);
            Map<String, EventCount> counts = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), new EventCount(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            return List.copyOf(counts.values());
        });
    }

    @Override
    public List<VariantCount> variantCounts(long campaignId, String source) {
        return db.read("count variants", st -> {
            Map<String, long[]> figures = new java.util.TreeMap<>();
            PreparedStatement ps = st.get("SELECT variant, COUNT(*), SUM(CASE WHEN status = 'SENT' THEN 1 ELSE 0 END) "
                    + "FROM campaign_message WHERE campaign_id = ? AND variant IS NOT NULL GROUP BY variant");
            ps.setLong(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long[] f = figures.computeIfAbsent(rs.getString(1), v -> new long[6]);
                    f[0] = rs.getLong(2);
                    f[1] = rs.getLong(3);
                }
            }
            // a contact has one message per campaign: its events of the campaign belong to that message's variant
            PreparedStatement events = st.get("SELECT m.variant, e.event_type, COUNT(*), COUNT(DISTINCT e.contact_id) "
                    + "FROM contact_event e JOIN campaign_message m ON m.contact_id = e.contact_id AND m.campaign_id = ? "
                    + "WHERE e.source = ? AND e.event_type IN ('message_opened', 'message_clicked') "
                    + "AND m.variant IS NOT NULL GROUP BY m.variant, e.event_type");
            events.setLong(1, campaignId);
            events.setString(2, source);
            try (ResultSet rs = events.executeQuery()) {
                while (rs.next()) {
                    long[] f = figures.computeIfAbsent(rs.getString(1), v -> new long[6]);
                    int at = "message_opened".equals(rs.getString(2)) ? 2 : 4;
                    f[at] = rs.getLong(3);
                    f[at + 1] = rs.getLong(4);
                }
            }
            List<VariantCount> out = new ArrayList<>();
            figures.forEach((v, f) -> out.add(new VariantCount(v, f[0], f[1], f[2], f[3], f[4], f[5])));
            return out;
        });
    }

    @Override
    public List<VariantPurchase> variantPurchases(long campaignId, String source, Instant until) {
        return db.read("read variant purchases", st -> {
            PreparedStatement ps = st.get("SELECT m.variant, m.id, p.occurred_at, p.amount, p.properties, "
                    + "(SELECT MIN(k.occurred_at) FROM contact_event k WHERE k.contact_id = m.contact_id AND k.source = ? "
                    + "AND k.event_type = 'message_clicked') "
                    + "FROM campaign_message m JOIN contact_event p ON p.contact_id = m.contact_id "
                    + "WHERE m.campaign_id = ? AND m.variant IS NOT NULL AND m.sent_at IS NOT NULL "
                    + "AND p.event_type = 'purchase' AND p.occurred_at >= m.sent_at AND p.occurred_at <= ?");
            ps.setString(1, source);
            ps.setLong(2, campaignId);
            ps.setTimestamp(3, Timestamp.from(until));
            List<VariantPurchase> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String properties = rs.getString(5);
                    out.add(new VariantPurchase(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant(),
                            rs.getBigDecimal(4), properties == null ? Map.of() : Json.object(properties), instant(rs, 6)));
                }
            }
            return out;
        });
    }

    /**
     * Reads the campaign's click events and counts them per URL here: the URL is in the event's JSON
     * properties, which SQL cannot group by on both databases. Clicks are few beside messages.
     */
    @Override
    public List<LinkCount> linkClicks(String source) {
        return db.read("count clicks per link", st -> {
            PreparedStatement ps = st.get("SELECT contact_id, properties FROM contact_event "
                    + "WHERE source = ? AND event_type = 'message_clicked'");
            ps.setString(1, source);
            Map<String, long[]> clicks = new HashMap<>();
            Map<String, Set<Long>> contacts = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String properties = rs.getString(2);
                    Object url = properties == null ? null : Json.object(properties).get("url");
                    if (url == null) {
                        continue;
                    }
                    clicks.computeIfAbsent(url.toString(), u -> new long[1])[0]++;
                    contacts.computeIfAbsent(url.toString(), u -> new HashSet<>()).add(rs.getLong(1));
                }
            }
            return clicks.entrySet().stream()
                    .map(e -> new LinkCount(e.getKey(), e.getValue()[0], contacts.get(e.getKey()).size()))
                    .sorted(Comparator.comparingLong(LinkCount::clicks).reversed().thenComparing(LinkCount::url))
                    .toList();
        });
    }

    // ---- system messages

    @Override
    public long queueSystem(long contactKey, String kind, String body, Instant at, EventWrite event) {
        return db.transaction("queue a system message", st -> {
            long id = keys.next();
            PreparedStatement in = st.get("INSERT INTO system_message (id, contact_id, kind, status, body, queued_at, "
                    + "status_at, next_attempt_at, attempts) VALUES (?, ?, ?, 'WFS', ?, ?, ?, ?, 0)");
            in.setLong(1, id);
            in.setLong(2, contactKey);
            in.setString(3, kind);
            in.setString(4, body);
            in.setTimestamp(5, Timestamp.from(at));
            in.setTimestamp(6, Timestamp.from(at));
            in.setTimestamp(7, Timestamp.from(at));
            in.executeUpdate();
            if (event != null) {
                EventTable.append(st, List.of(event));
            }
            return id;
        });
    }

    @Override
    public List<SystemMessage> leaseSystem(Instant now, Instant leaseUntil, int limit) {
        List<Long> leased = db.transaction("lease system messages", st -> {
            PreparedStatement due = st.get("SELECT id FROM system_message WHERE status = 'WFS' AND next_attempt_at <= ? "
                    + "ORDER BY id FETCH FIRST ? ROWS ONLY");
            due.setTimestamp(1, Timestamp.from(now));
            due.setInt(2, limit);
            List<Long> candidates = new ArrayList<>();
            try (ResultSet rs = due.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getLong(1));
                }
            }
            List<Long> claimed = new ArrayList<>();
            PreparedStatement claim = st.get("UPDATE system_message SET next_attempt_at = ? "
                    + "WHERE id = ? AND status = 'WFS' AND next_attempt_at <= ?");
            for (long id : candidates) {
                claim.setTimestamp(1, Timestamp.from(leaseUntil));
                claim.setLong(2, id);
                claim.setTimestamp(3, Timestamp.from(now));
                if (claim.executeUpdate() == 1) {
                    claimed.add(id);
                }
            }
            return claimed;
        });
        List<SystemMessage> out = new ArrayList<>();
        for (long id : leased) {
            findSystem(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public java.util.Optional<SystemMessage> findSystem(long id) {
        return db.read("read a system message", st -> {
            PreparedStatement ps = st.get("SELECT m.id, m.contact_id, c.public_id, m.kind, m.status, m.body, m.attempts, "
                    + "m.queued_at, m.first_failure_at FROM system_message m JOIN contact c ON c.id = m.contact_id "
                    + "WHERE m.id = ?");
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.<SystemMessage>empty();
                }
                return java.util.Optional.of(new SystemMessage(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), MessageStatus.valueOf(rs.getString(5)), rs.getString(6), rs.getInt(7),
                        rs.getTimestamp(8).toInstant(), instant(rs, 9)));
            }
        });
    }

    @Override
    public boolean changeSystem(long id, MessageStatus status, Instant at, Instant retryAt, String reply,
            EventWrite event) {
        String r = reply == null || reply.length() <= 1000 ? reply : reply.substring(0, 1000);
        return db.transaction("change a system message", st -> {
            if (retryAt != null) {
                PreparedStatement retry = st.get("UPDATE system_message SET next_attempt_at = ?, attempts = attempts + 1, "
                        + "first_failure_at = COALESCE(first_failure_at, ?), reply = ? WHERE id = ? AND status = 'WFS'");
                retry.setTimestamp(1, Timestamp.from(retryAt));
                retry.setTimestamp(2, Timestamp.from(at));
                retry.setString(3, r);
                retry.setLong(4, id);
                return retry.executeUpdate() == 1;
            }
            PreparedStatement done = st.get("UPDATE system_message SET status = ?, status_at = ?, next_attempt_at = NULL, "
                    + "attempts = attempts + 1, reply = COALESCE(?, reply) WHERE id = ? AND status = 'WFS'");
            done.setString(1, status.name());
            done.setTimestamp(2, Timestamp.from(at));
            done.setString(3, r);
            done.setLong(4, id);
            boolean changed = done.executeUpdate() == 1;
            if (changed && event != null) {
                EventTable.append(st, List.of(event));
            }
            return changed;
        });
    }

    @Override
    public int countSystem(long contactKey, String kind, Instant since) {
        return db.read("count system messages", st -> {
            PreparedStatement ps = st.get("SELECT COUNT(*) FROM system_message WHERE contact_id = ? AND kind = ? "
                    + "AND queued_at >= ?");
            ps.setLong(1, contactKey);
            ps.setString(2, kind);
            ps.setTimestamp(3, Timestamp.from(since));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
