package org.herald.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.herald.store.SuppressionStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The suppression table: HMACs of erased addresses. It grows with the contacts (one row per
 * erasure) and imports check it in bulk, so it is JDBC; this class is its one mapping, and the
 * contact store's erasure adds a row through {@link #add}.
 */
@Component(service = SuppressionStore.class)
public class JdbcSuppressionStore implements SuppressionStore {

    private static final int CHUNK = ContactTable.IN_CHUNK;

    private final Database db;

    @Activate
    public JdbcSuppressionStore(@Reference Database db) {
        this.db = db;
    }

    /** Adds a hash on the caller's transaction, unless present. */
    static void add(Statements st, String hash, Instant at) throws SQLException {
        PreparedStatement find = st.get("SELECT 1 FROM suppression WHERE hash_value = ?");
        find.setString(1, hash);
        try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
                return;
            }
        }
        PreparedStatement insert = st.get("INSERT INTO suppression (hash_value, created_at) VALUES (?, ?)");
        insert.setString(1, hash);
        insert.setTimestamp(2, Timestamp.from(at));
        insert.executeUpdate();
    }

    @Override
    public boolean isSuppressed(String suppressionHash) {
        return !suppressed(List.of(suppressionHash)).isEmpty();
    }

    @Override
    public Set<String> suppressed(Collection<String> suppressionHashes) {
        Set<String> found = new HashSet<>();
        if (suppressionHashes.isEmpty()) {
            return found;
        }
        List<String> all = new ArrayList<>(new HashSet<>(suppressionHashes));
        return db.read("check suppressed addresses", st -> {
            PreparedStatement ps = st.get("SELECT hash_value FROM suppression "
                    + ContactTable.hint("constraint=suppression_pk") + "WHERE hash_value IN ("
                    + ContactTable.placeholders(CHUNK) + ")");
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                ContactTable.bindStrings(ps, chunk, CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
            return found;
        });
    }

    @Override
    public void liftSuppression(String suppressionHash) {
        db.transaction("lift a suppression", st -> {
            PreparedStatement ps = st.get("DELETE FROM suppression WHERE hash_value = ?");
            ps.setString(1, suppressionHash);
            ps.executeUpdate();
            return null;
        });
    }
}
