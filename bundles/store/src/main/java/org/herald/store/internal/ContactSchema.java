package org.herald.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.contacts.FieldType;
import org.herald.store.FieldRecord;
import org.herald.store.FieldStore;
import org.herald.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.persistence.EntityManager;

/**
 * The custom field definitions ({@link FieldStore}) and the shape of the contact table they give
 * ({@link #table()}): each field is a typed column {@code cf_<name>}. The definitions are the one
 * thing a node keeps in memory; every change writes a new generation into {@code herald_setting}
 * in the same transaction, and a node compares it at most once per check interval, so a field
 * made on one node is usable on the others within a second.
 */
@Component(service = {FieldStore.class, ContactSchema.class})
public class ContactSchema implements FieldStore {

    private static final Logger LOG = LoggerFactory.getLogger(ContactSchema.class);
    /** Changes whenever a field is created or changed, on any node sharing the database. */
    static final String FIELD_GENERATION = "fields.generation";
    /** How long a node trusts its field definitions before it compares the generation again. */
    static final Duration FIELD_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Database db;
    private final long checkNanos;
    private volatile Snapshot snapshot;

    private record Snapshot(ContactTable table, String generation, long checkedAt) {
    }

    @Activate
    public ContactSchema(@Reference Database db) {
        this(db, FIELD_CHECK_INTERVAL);
    }

    /** A schema that compares its field definitions with the database at most every {@code check}. */
    ContactSchema(Database db, Duration check) {
        this.db = db;
        this.checkNanos = check.toNanos();
        db.jpaTransaction(em -> {
            if (em.find(SettingEntity.class, FIELD_GENERATION) == null) {
                em.persist(new SettingEntity(FIELD_GENERATION, UUID.randomUUID().toString()));
            }
            return null;
        });
        refresh();
        LOG.info("Contact schema ready ({} custom fields)", snapshot.table().fields().size());
    }

    @Override
    public List<FieldRecord> fields() {
        return table().fields();
    }

    /**
     * The contact table for the current field definitions. Changes made through this node are seen
     * at once, those of another node sharing the database within the check interval.
     */
    ContactTable table() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (now - current.checkedAt() < checkNanos) {
            return current.table();
        }
        String generation = storedGeneration();
        if (generation.equals(current.generation())) {
            snapshot = new Snapshot(current.table(), generation, now);
            return current.table();
        }
        LOG.info("Custom fields changed on another node: reloading their definitions");
        return refresh().table();
    }

    private String storedGeneration() {
        SettingEntity s = db.jpa(em -> em.find(SettingEntity.class, FIELD_GENERATION));
        return s == null ? "" : s.value();
    }

    /** Reads the generation, then the definitions: a change in between is caught by the next check. */
    private Snapshot refresh() {
        String generation = storedGeneration();
        List<FieldRecord> fields = db.jpa(em -> em
                .createQuery("SELECT f FROM FieldEntity f ORDER BY f.position, f.name", FieldEntity.class)
                .getResultList().stream().map(ContactSchema::toRecord).toList());
        Snapshot fresh = new Snapshot(new ContactTable(fields, db.dialect()), generation, System.nanoTime());
        snapshot = fresh;
        return fresh;
    }

    private static FieldRecord toRecord(FieldEntity f) {
        return new FieldRecord(f.name(), FieldType.valueOf(f.type()), f.label(), f.position(), f.visible(),
                Json.choices(f.choices()), f.created().toInstant());
    }

    /** Gives the field definitions a new generation, in the transaction that changes them. */
    private static void nextGeneration(EntityManager em) {
        SettingEntity generation = em.find(SettingEntity.class, FIELD_GENERATION);
        String next = UUID.randomUUID().toString();
        if (generation == null) {
            em.persist(new SettingEntity(FIELD_GENERATION, next));
        } else {
            generation.value(next);
        }
    }

    @Override
    public synchronized FieldRecord createField(FieldRecord field) {
        String column = ContactTable.column(field.name());
        if (db.jpa(em -> em.find(FieldEntity.class, field.name())) != null) {
            throw new ConflictException("field '" + field.name() + "' already exists");
        }
        try (Connection c = db.dataSource().getConnection()) {
            // A column left by an interrupted creation is reused: the definition is what counts.
            if (!columnExists(c, "contact", column)) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("ALTER TABLE contact ADD COLUMN " + column + " " + ContactTable.sqlType(field.type()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot add the column of field '" + field.name() + "': " + e.getMessage(), e);
        }
        db.jpaTransaction(em -> {
            em.persist(new FieldEntity(field.name(), field.type().name(), field.label(), field.position(),
                    field.visible(), Json.write(field.choices()), Timestamp.from(field.created())));
            nextGeneration(em);
            return null;
        });
        refresh();
        return find(field.name());
    }

    @Override
    public synchronized FieldRecord updateField(FieldRecord field) {
        db.jpaTransaction(em -> {
            FieldEntity f = em.find(FieldEntity.class, field.name());
            if (f == null) {
                throw new NotFoundException("field '" + field.name() + "' does not exist");
            }
            f.update(field.label(), field.position(), field.visible(), Json.write(field.choices()));
            nextGeneration(em);
            return null;
        });
        refresh();
        return find(field.name());
    }

    private FieldRecord find(String name) {
        return snapshot.table().fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("field '" + name + "' does not exist"));
    }

    private static boolean columnExists(Connection c, String tableName, String column) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        for (String t : List.of(tableName, tableName.toUpperCase(Locale.ROOT))) {
            for (String col : List.of(column, column.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = md.getColumns(null, schema, t, col)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
