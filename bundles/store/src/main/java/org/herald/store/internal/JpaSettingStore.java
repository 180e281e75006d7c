package org.herald.store.internal;

import org.herald.store.SettingStore;
import org.herald.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import jakarta.persistence.PersistenceException;

/** Installation-wide settings ({@code herald_setting}) as JPA entities. */
@Component(service = SettingStore.class)
public class JpaSettingStore implements SettingStore {

    private final Database db;

    @Activate
    public JpaSettingStore(@Reference Database db) {
        this.db = db;
    }

    @Override
    public String setting(String name, String initial) {
        SettingEntity existing = db.jpa(em -> em.find(SettingEntity.class, name));
        if (existing != null) {
            return existing.value();
        }
        try {
            db.jpaTransaction(em -> {
                em.persist(new SettingEntity(name, initial));
                return null;
            });
            return initial;
        } catch (PersistenceException e) {
            // another node stored it first: theirs wins
            SettingEntity stored = db.jpa(em -> em.find(SettingEntity.class, name));
            if (stored == null) {
                throw new StoreException("cannot store setting '" + name + "'", e);
            }
            return stored.value();
        }
    }

    /**
     * The row {@code schedule.<job>} of {@code herald_setting} holds the due time last claimed, as
     * zero-padded epoch milliseconds (so that text order is time order). A claim moves it forward
     * with one conditional UPDATE: of nodes claiming the same run, the row lock lets one through and
     * the others, re-reading the row after its commit, find nothing to update.
     */
    @Override
    public boolean claimRun(String job, java.time.Instant due) {
        String name = "schedule." + job;
        String value = String.format(java.util.Locale.ROOT, "%020d", due.toEpochMilli());
        return db.transaction("claim the run of " + job, st -> {
            java.sql.PreparedStatement up = st.get(
                    "UPDATE herald_setting SET setting_value = ? WHERE name = ? AND setting_value < ?");
            up.setString(1, value);
            up.setString(2, name);
            up.setString(3, value);
            if (up.executeUpdate() == 1) {
                return true;
            }
            java.sql.PreparedStatement insert = st.get("INSERT INTO herald_setting (name, setting_value) VALUES (?, ?)");
            insert.setString(1, name);
            insert.setString(2, value);
            try {
                return db.dialect().tolerating(st.connection(), insert::executeUpdate) == 1;
            } catch (java.sql.SQLException e) {
                if (Dialect.isUniqueViolation(e)) {
                    return false; // claimed already, by this run or a later one
                }
                throw e;
            }
        });
    }

    /** This store's name as a claimer of runs: the host and a random part, so two nodes on one host differ. */
    private final String owner = hostName() + "/" + java.util.UUID.randomUUID();

    private static String hostName() {
        try {
            String h = java.net.InetAddress.getLocalHost().getHostName();
            return h.length() > 80 ? h.substring(0, 80) : h;
        } catch (java.io.IOException e) {
            return "node";
        }
    }

    /**
     * One row per job in {@code scheduled_run}: the due time claimed, the claimer, its lease and
     * whether the run is done. A claim is one conditional UPDATE (a later run, or the same run not
     * done whose lease ran out), else an INSERT for the job's first run; the row lock lets one
     * claimer through.
     */
    @Override
    public RunClaim claimRun(String job, java.time.Instant due, java.time.Duration lease) {
        java.sql.Timestamp dueAt = java.sql.Timestamp.from(due);
        return db.transaction("claim the run of " + job, st -> {
            java.time.Instant now = java.time.Instant.now();
            java.sql.PreparedStatement up = st.get("UPDATE scheduled_run SET due_at = ?, owner = ?, lease_until = ?, "
                    + "done_at = NULL WHERE job = ? AND (due_at < ? OR (due_at = ? AND done_at IS NULL AND lease_until < ?))");
            up.setTimestamp(1, dueAt);
            up.setString(2, owner);
            up.setTimestamp(3, java.sql.Timestamp.from(now.plus(lease)));
            up.setString(4, job);
            up.setTimestamp(5, dueAt);
            up.setTimestamp(6, dueAt);
            up.setTimestamp(7, java.sql.Timestamp.from(now));
            if (up.executeUpdate() == 1) {
                return new Claim(job, dueAt, lease, true, false);
            }
            java.sql.PreparedStatement read = st.get("SELECT due_at, done_at FROM scheduled_run WHERE job = ?");
            read.setString(1, job);
            try (java.sql.ResultSet rs = read.executeQuery()) {
                if (rs.next()) {
                    boolean finished = !rs.getTimestamp(1).before(dueAt) && rs.getTimestamp(2) != null;
                    return new Claim(job, dueAt, lease, false, finished);
                }
            }
            java.sql.PreparedStatement insert = st.get(
                    "INSERT INTO scheduled_run (job, due_at, owner, lease_until) VALUES (?, ?, ?, ?)");
            insert.setString(1, job);
            insert.setTimestamp(2, dueAt);
            insert.setString(3, owner);
            insert.setTimestamp(4, java.sql.Timestamp.from(now.plus(lease)));
            try {
                db.dialect().tolerating(st.connection(), insert::executeUpdate);
                return new Claim(job, dueAt, lease, true, false);
            } catch (java.sql.SQLException e) {
                if (Dialect.isUniqueViolation(e)) {
                    return new Claim(job, dueAt, lease, false, false); // another node inserted it first
                }
                throw e;
            }
        });
    }

    /** A claim of one run; renewing and finishing act only while the row still names this claimer and run. */
    private final class Claim implements RunClaim {
        private final String job;
        private final java.sql.Timestamp due;
        private final java.time.Duration lease;
        private final boolean claimed;
        private final boolean finished;

        Claim(String job, java.sql.Timestamp due, java.time.Duration lease, boolean claimed, boolean finished) {
            this.job = job;
            this.due = due;
            this.lease = lease;
            this.claimed = claimed;
            this.finished = finished;
        }

        @Override
        public boolean claimed() {
            return claimed;
        }

        @Override
        public boolean finished() {
            return finished;
        }

        @Override
        public boolean renew() {
            return claimed && update("renew the lease of " + job,
                    "UPDATE scheduled_run SET lease_until = ? WHERE job = ? AND due_at = ? AND owner = ? AND done_at IS NULL",
                    java.time.Instant.now().plus(lease));
        }

        @Override
        public boolean finish() {
            return claimed && update("finish the run of " + job,
                    "UPDATE scheduled_run SET done_at = ? WHERE job = ? AND due_at = ? AND owner = ? AND done_at IS NULL",
                    java.time.Instant.now());
        }

        private boolean update(String what, String sql, java.time.Instant at) {
            return db.transaction(what, st -> {
                java.sql.PreparedStatement ps = st.get(sql);
                ps.setTimestamp(1, java.sql.Timestamp.from(at));
                ps.setString(2, job);
                ps.setTimestamp(3, due);
                ps.setString(4, owner);
                return ps.executeUpdate() == 1;
            });
        }
    }
}
