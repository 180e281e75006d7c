package org.herald.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.herald.common.ConflictException;
import org.herald.common.HeraldException;
import org.herald.common.NotFoundException;
import org.herald.common.Page;
import org.herald.contacts.Channel;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.FieldType;
import org.herald.contacts.ListText;
import org.herald.contacts.OptInStatus;
import org.herald.store.ContactFilter;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.ContactWrite;
import org.herald.store.FieldRecord;
import org.herald.store.ListRecord;
import org.herald.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

/**
 * The store: applies the schema migrations at activation, then serves the {@link ContactStore}
 * SPI. Field definitions, lists and their texts, the ledger (reads), suppression and settings
 * are JPA entities (EclipseLink, created here from the pax-jdbc DataSource, shared cache off so
 * JDBC writes are always visible). The contact aggregate (row with typed field columns, tags,
 * memberships, ledger appends) goes through JDBC batches in {@link ContactTable}, for single
 * writes and imports alike.
 */
@Component(service = ContactStore.class, immediate = true)
public class JdbcContactStore implements ContactStore {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcContactStore.class);
    private static final int CHUNK = 500;
    /** Changes whenever a field is created or changed, on any node sharing the database. */
    static final String FIELD_GENERATION = "fields.generation";
    /** How long a node trusts its field definitions before it compares the generation again. */
    static final Duration FIELD_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final KeyAllocator keys;
    private final long fieldCheckNanos;
    /**
     * The contact table as seen with the current field definitions, with the generation they were
     * read at; replaced when a field changes here or when the stored generation moves (another node).
     */
    private volatile Fields fields;

    private record Fields(ContactTable table, String generation, long checkedAt) {
    }

    @Activate
    public JdbcContactStore(@Reference(target = "(dataSourceName=herald)") DataSource dataSource) {
        this(dataSource, FIELD_CHECK_INTERVAL);
    }

    /** A store that compares its field definitions with the database at most every {@code fieldCheck}. */
    JdbcContactStore(DataSource dataSource, Duration fieldCheck) {
        this.dataSource = dataSource;
        this.fieldCheckNanos = fieldCheck.toNanos();
        ClassLoader loader = JdbcContactStore.class.getClassLoader();
        new Migrator(dataSource, loader).migrate();
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        props.put(PersistenceUnitProperties.CLASSLOADER, loader);
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        // JDBC batch writes bypass JPA: a shared cache would serve stale rows.
        props.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        String platform = platform(dataSource);
        if (platform != null) {
            props.put(PersistenceUnitProperties.TARGET_DATABASE, platform);
        }
        this.emf = new PersistenceProvider().createEntityManagerFactory("herald", props);
        if (emf == null) {
            throw new StoreException("persistence unit 'herald' not found (META-INF/persistence.xml)", null);
        }
        this.keys = new KeyAllocator(dataSource, "contact", 1000);
        setting(FIELD_GENERATION, UUID.randomUUID().toString());
        refreshFields();
        LOG.info("Herald store ready on {} ({} custom fields)", platform, fields.table().fields().size());
    }

    @Deactivate
    public void close() {
        emf.close();
    }

    /** The EclipseLink platform for the database behind the DataSource, from its metadata. */
    static String platform(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("derby")) {
                return "org.eclipse.persistence.platform.database.DerbyPlatform";
            }
            if (product.contains("postgres")) {
                return "org.eclipse.persistence.platform.database.PostgreSQLPlatform";
            }
            LOG.warn("Unknown database '{}': EclipseLink picks the platform itself", product);
            return null;
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database: " + e.getMessage(), e);
        }
    }

    // ---- fields

    @Override
    public List<FieldRecord> fields() {
        return table().fields();
    }

    /**
     * The contact table for the current field definitions. Field changes made through this store
     * are seen at once; those of another node sharing the database within {@link #FIELD_CHECK_INTERVAL}.
     */
    private ContactTable table() {
        Fields current = fields;
        long now = System.nanoTime();
        if (now - current.checkedAt() < fieldCheckNanos) {
            return current.table();
        }
        String generation = storedFieldGeneration();
        if (generation.equals(current.generation())) {
            fields = new Fields(current.table(), generation, now);
            return current.table();
        }
        LOG.info("Custom fields changed on another node: reloading their definitions");
        return refreshFields().table();
    }

    private String storedFieldGeneration() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM herald_setting WHERE name = ?")) {
            ps.setString(1, FIELD_GENERATION);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the field generation: " + e.getMessage(), e);
        }
    }

    /** Gives the field definitions a new generation, in the transaction that changes them. */
    private static void nextFieldGeneration(EntityManager em) {
        SettingEntity generation = em.find(SettingEntity.class, FIELD_GENERATION);
        String next = UUID.randomUUID().toString();
        if (generation == null) {
            em.persist(new SettingEntity(FIELD_GENERATION, next));
        } else {
            generation.value(next);
        }
    }

    private List<FieldRecord> loadFields() {
        return inJpa(em -> em.createQuery("SELECT f FROM FieldEntity f ORDER BY f.position, f.name", FieldEntity.class)
                .getResultList().stream().map(JdbcContactStore::toRecord).toList());
    }

    private static FieldRecord toRecord(FieldEntity f) {
        return new FieldRecord(f.name(), FieldType.valueOf(f.type()), f.label(), f.position(), f.visible(),
                Json.choices(f.choices()), f.created().toInstant());
    }

    @Override
    public synchronized FieldRecord createField(FieldRecord field) {
        String column = ContactTable.column(field.name());
        inJpa(em -> {
            if (em.find(FieldEntity.class, field.name()) != null) {
                throw new ConflictException("field '" + field.name() + "' already exists");
            }
            return null;
        });
        try (Connection c = dataSource.getConnection()) {
            // A column left by an interrupted creation is reused: the definition is what counts.
            if (!columnExists(c, "contact", column)) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("ALTER TABLE contact ADD COLUMN " + column + " " + ContactTable.sqlType(field.type()));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot add the column of field '" + field.name() + "': " + e.getMessage(), e);
        }
        inTransaction(em -> {
            em.persist(new FieldEntity(field.name(), field.type().name(), field.label(), field.position(),
                    field.visible(), Json.write(field.choices()), Timestamp.from(field.created())));
            nextFieldGeneration(em);
            return null;
        });
        refreshFields();
        return find(field.name());
    }

    @Override
    public synchronized FieldRecord updateField(FieldRecord field) {
        inTransaction(em -> {
            FieldEntity f = em.find(FieldEntity.class, field.name());
            if (f == null) {
                throw new NotFoundException("field '" + field.name() + "' does not exist");
            }
            f.update(field.label(), field.position(), field.visible(), Json.write(field.choices()));
            nextFieldGeneration(em);
            return null;
        });
        refreshFields();
        return find(field.name());
    }

    private FieldRecord find(String name) {
        return fields.table().fields().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("field '" + name + "' does not exist"));
    }

    /** Reads the generation, then the definitions: a change in between is caught by the next check. */
    private Fields refreshFields() {
        String generation = storedFieldGeneration();
        Fields fresh = new Fields(new ContactTable(loadFields()), generation, System.nanoTime());
        fields = fresh;
        return fresh;
    }

    private static boolean columnExists(Connection c, String tableName, String column) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        for (String t : List.of(tableName, tableName.toUpperCase(Locale.ROOT))) {
            for (String col : List.of(column, column.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = md.getColumns(null, null, t, col)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    // ---- lists

    @Override
    public List<ListRecord> lists() {
        Map<Long, Long> counts = memberCounts();
        return inJpa(em -> em.createQuery("SELECT l FROM ListEntity l ORDER BY l.name", ListEntity.class)
                .getResultList().stream().map(l -> toRecord(l, counts.getOrDefault(l.id(), 0L))).toList());
    }

    @Override
    public Optional<ListRecord> findList(String name) {
        return inJpa(em -> listEntity(em, name)).map(l -> toRecord(l, memberCounts().getOrDefault(l.id(), 0L)));
    }

    @Override
    public Set<String> listNames() {
        return inJpa(em -> new HashSet<>(em.createQuery("SELECT l.name FROM ListEntity l", String.class).getResultList()));
    }

    private static Optional<ListEntity> listEntity(EntityManager em, String name) {
        return em.createQuery("SELECT l FROM ListEntity l WHERE l.name = :name", ListEntity.class)
                .setParameter("name", name).getResultStream().findFirst();
    }

    private static ListEntity existingList(EntityManager em, String name) {
        return listEntity(em, name).orElseThrow(() -> new NotFoundException("list '" + name + "' does not exist"));
    }

    private static ListRecord toRecord(ListEntity l, long members) {
        Map<String, ListText> texts = new LinkedHashMap<>();
        l.texts().forEach((lang, t) -> texts.put(lang, new ListText(t.publicName(), t.description())));
        return new ListRecord(l.name(), texts, members, l.created().toInstant());
    }

    private Map<Long, Long> memberCounts() {
        Map<Long, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT m.list_id, COUNT(*) FROM list_member m "
                        + "JOIN contact c ON c.id = m.contact_id WHERE c.deleted_at IS NULL GROUP BY m.list_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw failed("count list members", e);
        }
        return counts;
    }

    @Override
    public ListRecord createList(String name, Instant created) {
        try {
            inTransaction(em -> {
                if (listEntity(em, name).isPresent()) {
                    throw new ConflictException("list '" + name + "' already exists");
                }
                em.persist(new ListEntity(name, Timestamp.from(created)));
                return null;
            });
        } catch (PersistenceException e) {
            throw new ConflictException("list '" + name + "' already exists");
        }
        return findList(name).orElseThrow();
    }

    @Override
    public ListRecord renameList(String name, String newName) {
        inTransaction(em -> {
            ListEntity l = existingList(em, name);
            if (!name.equals(newName) && listEntity(em, newName).isPresent()) {
                throw new ConflictException("list '" + newName + "' already exists");
            }
            l.rename(newName);
            return null;
        });
        return findList(newName).orElseThrow();
    }

    @Override
    public ListRecord setListText(String name, String language, ListText text) {
        inTransaction(em -> {
            ListEntity l = existingList(em, name);
            if (text == null) {
                l.texts().remove(language);
            } else {
                l.texts().put(language, new ListTextValue(text.publicName(), text.description()));
            }
            return null;
        });
        return findList(name).orElseThrow();
    }

    @Override
    public void deleteList(String name) {
        // memberships go with the list (ON DELETE CASCADE); ledger entries keep the name
        inTransaction(em -> {
            em.remove(existingList(em, name));
            return null;
        });
    }

    // ---- tags

    @Override
    public List<TagCount> tagCounts() {
        List<TagCount> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT t.tag, COUNT(*) FROM contact_tag t "
                        + "JOIN contact c ON c.id = t.contact_id WHERE c.deleted_at IS NULL GROUP BY t.tag ORDER BY t.tag");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new TagCount(rs.getString(1), rs.getLong(2)));
            }
        } catch (SQLException e) {
            throw failed("count tags", e);
        }
        return result;
    }

    // ---- contacts

    @Override
    public Optional<ContactRecord> findByKey(String emailKey) {
        return selectOne("WHERE c.email_key = ?", emailKey);
    }

    @Override
    public Optional<ContactRecord> findById(String publicId) {
        return selectOne("WHERE c.public_id = ?", publicId);
    }

    private Optional<ContactRecord> selectOne(String where, String param) {
        try (Connection c = dataSource.getConnection()) {
            return table().select(c, where, List.of(param)).stream().findFirst();
        } catch (SQLException e) {
            throw failed("read a contact", e);
        }
    }

    private Optional<ContactRecord> selectByKey(long key) {
        try (Connection c = dataSource.getConnection()) {
            return table().select(c, "WHERE c.id = ?", List.of(key)).stream().findFirst();
        } catch (SQLException e) {
            throw failed("read a contact", e);
        }
    }

    @Override
    public ContactRecord write(ContactWrite write) {
        try (Statements st = new Statements(dataSource.getConnection())) {
            return inJdbcTransaction(st, () -> table().write(st, List.of(write), keys, new ContactTable.ListIds()).get(0));
        } catch (SQLException e) {
            throw failed("save a contact", e);
        }
    }

    @Override
    public Page<ContactRecord> query(ContactFilter filter, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = ContactTable.where(filter, params);
        long total = count(filter);
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(offset);
        pageParams.add(limit);
        try (Connection c = dataSource.getConnection()) {
            List<ContactRecord> items = table().select(c, where + " ORDER BY c.id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", pageParams);
            return new Page<>(total, offset, limit, items);
        } catch (SQLException e) {
            throw failed("list contacts", e);
        }
    }

    @Override
    public long count(ContactFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = ContactTable.where(filter, params);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM contact c " + where)) {
            ContactTable.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failed("count contacts", e);
        }
    }

    @Override
    public long forEach(ContactFilter filter, Consumer<ContactRecord> sink) {
        List<Object> params = new ArrayList<>();
        String where = ContactTable.where(filter, params);
        long last = Long.MIN_VALUE;
        long n = 0;
        ContactTable snapshot = table();
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                List<Object> chunkParams = new ArrayList<>(params);
                chunkParams.add(last);
                chunkParams.add(CHUNK);
                List<ContactRecord> chunk = snapshot.select(c,
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
        } catch (SQLException e) {
            throw failed("read contacts", e);
        }
    }

    @Override
    public List<ConsentEntry> consent(long contactKey) {
        String publicId = selectByKey(contactKey).map(ContactRecord::id)
                .orElseThrow(() -> new NotFoundException("contact does not exist"));
        return inJpa(em -> em.createQuery("SELECT e FROM ConsentEntryEntity e WHERE e.contactId = :k ORDER BY e.id",
                ConsentEntryEntity.class).setParameter("k", contactKey).getResultList().stream()
                .map(e -> new ConsentEntry(e.id(), publicId, Channel.valueOf(e.channel()), ConsentAction.valueOf(e.action()),
                        e.fromStatus() == null ? null : OptInStatus.valueOf(e.fromStatus()),
                        e.toStatus() == null ? null : OptInStatus.valueOf(e.toStatus()), e.list(),
                        ConsentSource.valueOf(e.source()), e.at().toInstant(), e.actor(), e.ip(), e.userAgent(),
                        e.formId(), e.consentTextVersion()))
                .toList());
    }

    @Override
    public ContactRecord setDeleted(long contactKey, Instant at, Instant updated) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "UPDATE contact SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE id = ?")) {
            ps.setTimestamp(1, at == null ? null : Timestamp.from(at));
            ps.setTimestamp(2, Timestamp.from(updated));
            ps.setLong(3, contactKey);
            if (ps.executeUpdate() != 1) {
                throw new NotFoundException("contact does not exist (purged meanwhile?)");
            }
        } catch (SQLException e) {
            throw failed("delete or restore a contact", e);
        }
        return selectByKey(contactKey).orElseThrow(() -> new NotFoundException("contact does not exist"));
    }

    @Override
    public int purgeDeletedBefore(Instant cutoff) {
        // values are columns of the row; tags, memberships and ledger go by ON DELETE CASCADE
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("DELETE FROM contact WHERE deleted_at IS NOT NULL AND deleted_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(cutoff));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw failed("purge deleted contacts", e);
        }
    }

    @Override
    public void erase(long contactKey, String suppressionHash, Instant at) {
        inTransaction(em -> {
            int removed = em.createNativeQuery("DELETE FROM contact WHERE id = ?").setParameter(1, contactKey).executeUpdate();
            if (removed != 1) {
                throw new NotFoundException("contact does not exist");
            }
            if (em.find(SuppressionEntity.class, suppressionHash) == null) {
                em.persist(new SuppressionEntity(suppressionHash, Timestamp.from(at)));
            }
            return null;
        });
    }

    // ---- suppression and settings

    @Override
    public boolean isSuppressed(String suppressionHash) {
        return inJpa(em -> em.find(SuppressionEntity.class, suppressionHash) != null);
    }

    @Override
    public Set<String> suppressed(Collection<String> suppressionHashes) {
        Set<String> found = new HashSet<>();
        if (suppressionHashes.isEmpty()) {
            return found;
        }
        List<String> all = new ArrayList<>(new HashSet<>(suppressionHashes));
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT hash_value FROM suppression "
                        + ContactTable.hint("constraint=suppression_pk") + "WHERE hash_value IN ("
                        + ContactTable.placeholders(CHUNK) + ")")) {
            for (int from = 0; from < all.size(); from += CHUNK) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
                ContactTable.bindStrings(ps, chunk, CHUNK);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("check suppressed addresses", e);
        }
        return found;
    }

    @Override
    public void liftSuppression(String suppressionHash) {
        inTransaction(em -> {
            SuppressionEntity s = em.find(SuppressionEntity.class, suppressionHash);
            if (s != null) {
                em.remove(s);
            }
            return null;
        });
    }

    @Override
    public String setting(String name, String initial) {
        SettingEntity existing = inJpa(em -> em.find(SettingEntity.class, name));
        if (existing != null) {
            return existing.value();
        }
        try {
            inTransaction(em -> {
                em.persist(new SettingEntity(name, initial));
                return null;
            });
            return initial;
        } catch (PersistenceException e) {
            // another node stored it first: theirs wins
            SettingEntity stored = inJpa(em -> em.find(SettingEntity.class, name));
            if (stored == null) {
                throw new StoreException("cannot store setting '" + name + "'", e);
            }
            return stored.value();
        }
    }

    // ---- bulk

    @Override
    public BulkSession openBulk() {
        try {
            Connection c = dataSource.getConnection();
            c.setAutoCommit(false);
            return new Bulk(new Statements(c));
        } catch (SQLException e) {
            throw failed("open a bulk session", e);
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
                Map<String, ContactRecord> found = table().selectByKeys(st, emailKeys);
                st.connection().commit(); // release read locks before the write
                return found;
            } catch (SQLException e) {
                throw failed("look up contacts", e);
            }
        }

        @Override
        public void write(List<ContactWrite> writes) {
            try {
                inJdbcTransaction(st, () -> table().write(st, writes, keys, listIds));
            } catch (SQLException e) {
                throw failed("save a batch of contacts", e);
            }
        }

        @Override
        public void close() {
            try {
                st.connection().rollback();
                st.close();
            } catch (SQLException e) {
                LOG.warn("Closing the bulk session failed", e);
            }
        }
    }

    // ---- transactions

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T inJdbcTransaction(Statements st, SqlWork<T> work) throws SQLException {
        Connection c = st.connection();
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }

    private <T> T inJpa(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (HeraldException e) {
            throw e;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    private static StoreException failed(String what, SQLException e) {
        return new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
}
