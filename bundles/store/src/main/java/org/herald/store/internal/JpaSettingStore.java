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
}
