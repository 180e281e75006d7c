package org.herald.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.herald.common.NotFoundException;
import org.herald.common.Page;
import org.herald.contacts.ConsentEntry;
import org.herald.store.ContactFilter;
import org.herald.store.ContactRecord;
import org.herald.store.ContactRef;
import org.herald.store.ContactStore;
import org.herald.store.ContactWrite;
import org.herald.store.EventWrite;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The contact aggregate through JDBC ({@link ContactTable}): the row with typed field columns,
 * tags, memberships, ledger appends and the events of each change, for single writes and imports
 * alike, in one transaction per write or batch.
 */
@Component(service = ContactStore.class)
public class JdbcContactStore implements ContactStore {

    private static final int CHUNK = 500;

    private final Database db;
    private final ContactSchema schema;
    private final KeyAllocator keys;

    @Activate
    public JdbcContactStore(@Reference Database db, @Reference ContactSchema schema) {
        this.db = db;
        this.schema = schema;
        this.keys = db.keys("contact", 1000);
    }

    // ---- single contacts

    @Override
    public Optional<ContactRecord> findByKey(String emailKey) {
        return selectOne("WHERE c.email_key = ?", emailKey);
    }

    @Override
    public Optional<ContactRecord> findById(String publicId) {
        return selectOne("WHERE c.public_id = ?", publicId);
    }

    @Override
    public Optional<ContactRecord> findByInternalKey(long key) {
        return selectOne("WHERE c.id = ?", key);
    }

    private Optional<ContactRecord> selectOne(String where, Object param) {
        return db.read("read a contact", st -> schema.table().select(st.connection(), where, List.of(param)).stream().findFirst());
    }

    @Override
    public ContactRecord write(ContactWrite write) {
        return db.transaction("save a contact",
                st -> schema.table().write(st, List.of(write), keys, new ContactTable.ListIds()).get(0));
    }

    @Override
    public Page<ContactRecord> query(ContactFilter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = ContactTable.where(filter, params);
        long total = count(filter);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(offset);
        pageParams.add(limit);
        return db.read("list contacts", st -> new Page<>(total, offset, limit, schema.table().select(st.connection(),
                where + " ORDER BY c.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", pageParams)));
    }

    @Override
    public long count(ContactFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = ContactTable.where(filter, params);
        return db.read("count contacts", st -> {
            try (PreparedStatement ps = st.connection().prepareStatement("SELECT COUNT(*) FROM contact c " + where)) {
                ContactTable.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @Override
    public long forEach(ContactFilter filter, Consumer<ContactRecord> sink) {
        List<Object> params = new ArrayList<>();
        String where = ContactTable.where(filter, params);
        ContactTable snapshot = schema.table();
        return db.read("read contacts", st -> {
            long last = Long.MIN_VALUE;
            long n = 0;
            while (true) {
                List<Object> chunkParams = new ArrayList<>(params);
                chunkParams.add(last);
                chunkParams.add(CHUNK);
                List<ContactRecord> chunk = snapshot.select(st.connection(),
                        where + " AND c.id > ? ORDER BY c.id FETCH NEXT ? ROWS ONLY", chunkParams);
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
    public Map<String, ContactRef> refsByEmailKeys(Collection<String> emailKeys) {
        return db.readUnlocked("look up contacts", st -> ContactTable.refs(st, "email_key", "contact_email_key", emailKeys, true));
    }

    @Override
    public Map<String, ContactRef> refsByIds(Collection<String> publicIds) {
        return db.readUnlocked("look up contacts", st -> ContactTable.refs(st, "public_id", "contact_public_id", publicIds, false));
    }

    @Override
    public List<ConsentEntry> consent(long contactKey) {
        return db.read("read the consent ledger", st -> {
            String publicId = publicId(st, contactKey);
            return ContactTable.consent(st, contactKey, publicId);
        });
    }

    @Override
    public Map<Long, Map<String, ConsentEntry>> latestListEntries(Collection<Long> contactKeys) {
        if (contactKeys.isEmpty()) {
            return Map.of();
        }
        return db.read("read the consent ledger", st -> ContactTable.latestListEntries(st, contactKeys));
    }

    private static String publicId(Statements st, long contactKey) throws SQLException {
        PreparedStatement ps = st.get("SELECT public_id FROM contact WHERE id = ?");
        ps.setLong(1, contactKey);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new NotFoundException("contact does not exist");
            }
            return rs.getString(1);
        }
    }

    @Override
    public ContactRecord setDeleted(long contactKey, Instant at, Instant updated, EventWrite event) {
        db.transaction("delete or restore a contact", st -> {
            PreparedStatement ps = st.get("UPDATE contact SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?");
            ps.setTimestamp(1, at == null ? null : Timestamp.from(at));
            ps.setTimestamp(2, Timestamp.from(updated));
            ps.setLong(3, contactKey);
            if (ps.executeUpdate() != 1) {
                throw new NotFoundException("contact does not exist (purged meanwhile?)");
            }
            if (event != null) {
                EventTable.append(st, List.of(event.forContact(contactKey, publicId(st, contactKey))));
            }
            return null;
        });
        return findByInternalKey(contactKey).orElseThrow(() -> new NotFoundException("contact does not exist"));
    }

    @Override
    public int purgeDeletedBefore(Instant cutoff) {
        // values are columns of the row; tags, memberships and ledger go by ON DELETE CASCADE; events explicitly
        return db.transaction("purge deleted contacts", st -> {
            PreparedStatement events = st.get("DELETE FROM contact_event WHERE contact_id IN "
                    + "(SELECT id FROM contact WHERE deleted_at IS NOT NULL AND deleted_at < ?)");
            events.setTimestamp(1, Timestamp.from(cutoff));
            events.executeUpdate();
            JdbcBounceStore.deleteOfDeletedBefore(st, cutoff);
            PreparedStatement ps = st.get("DELETE FROM contact WHERE deleted_at IS NOT NULL AND deleted_at < ?");
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        });
    }

    @Override
    public void erase(long contactKey, String suppressionHash, Instant at, EventWrite forgotten) {
        db.transaction("erase a contact", st -> {
            String publicId = publicId(st, contactKey);
            EventTable.deleteOf(st, contactKey);
            JdbcBounceStore.deleteOf(st, contactKey);
            PreparedStatement ps = st.get("DELETE FROM contact WHERE id = ?");
            ps.setLong(1, contactKey);
            if (ps.executeUpdate() != 1) {
                throw new NotFoundException("contact does not exist");
            }
            JdbcSuppressionStore.add(st, suppressionHash, at);
            if (forgotten != null) {
                // outlives the contact: no contact key, only the public id
                EventTable.append(st, List.of(forgotten.forContact(0, publicId)));
            }
            return null;
        });
    }

    @Override
    public List<TagCount> tagCounts() {
        return db.read("count tags", st -> {
            List<TagCount> result = new ArrayList<>();
            try (ResultSet rs = st.get("SELECT t.tag, COUNT(*) FROM contact_tag t "
                    + "JOIN contact c ON c.id = t.contact_id WHERE c.deleted_at IS NULL GROUP BY t.tag ORDER BY t.tag")
                    .executeQuery()) {
                while (rs.next()) {
                    result.add(new TagCount(rs.getString(1), rs.getLong(2)));
                }
            }
            return result;
        });
    }

    // ---- bulk

    @Override
    public BulkSession openBulk() {
        try {
            Connection c = db.dataSource().getConnection();
            db.dialect().startBulk(c);
            c.setAutoCommit(false);
            return new Bulk(new Statements(c, db.dialect()));
        } catch (SQLException e) {
            throw Database.failed("open a bulk session", e);
        }
    }

    /** One connection for the whole import; its prepared statements are reused batch after batch. */
    private final class Bulk implements BulkSession {
        private final Statements st;
        private final ContactTable.ListIds listIds = new ContactTable.ListIds();

        Bulk(Statements st) {
            this.st = st;
        }

        @Override
        public Map<String, ContactRecord> findByKeys(Collection<String> emailKeys) {
            try {
                Map<String, ContactRecord> found = schema.table().selectByKeys(st, emailKeys);
                st.connection().commit(); // release read locks before the write
                return found;
            } catch (SQLException e) {
                throw Database.failed("look up contacts", e);
            }
        }

        @Override
        public void write(List<ContactWrite> writes) {
            try {
                Database.inTransaction(st, s -> schema.table().write(s, writes, keys, listIds));
            } catch (SQLException e) {
                throw Database.failed("save a batch of contacts", e);
            }
        }

        @Override
        public void close() {
            try {
                st.connection().rollback();
                db.dialect().endBulk(st.connection());
                st.close();
            } catch (SQLException e) {
                org.slf4j.LoggerFactory.getLogger(JdbcContactStore.class).warn("Closing the bulk session failed", e);
            }
        }
    }
}
