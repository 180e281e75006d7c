package org.herald.contacts.internal;

import java.util.Map;

import javax.sql.DataSource;

import org.herald.contacts.ChangeContext;
import org.herald.contacts.internal.events.DefaultEventService;
import org.herald.contacts.internal.events.EventDispatcher;
import org.herald.contacts.internal.events.EventsConfig;
import org.herald.contacts.internal.events.Scoring;
import org.herald.contacts.internal.events.ScoringConfig;
import org.herald.store.internal.Stores;
import org.herald.store.internal.TestDatabases;

/**
 * Herald's services as the container wires them (the real stores, the real rules) over a fresh
 * database, in-memory Derby or PostgreSQL as the run chose ({@link TestDatabases}): one per test
 * class or test, shared by the tests of every module that needs the domain (the contacts bundle's
 * own, REST, routes, benchmarks) through this module's test jar. Give each test its own addresses
 * and names; close it when done (a database the bed made itself is dropped then).
 */
public final class TestBed implements AutoCloseable {

    public static final ChangeContext ADMIN = ChangeContext.manage("admin");
    public static final ChangeContext API = ChangeContext.api("api-user");
    public static final ChangeContext IMPORT = ChangeContext.importing("admin");

    public final DataSource dataSource;
    public final Stores stores;
    public final Scoring scoring;
    public final DefaultContactService contacts;
    public final DefaultFieldService fields;
    public final DefaultListService lists;
    public final DefaultTagService tags;
    public final DefaultEventService events;
    private EventDispatcher dispatcher;
    private final boolean ownsDatabase;

    public TestBed() {
        this(false, 1000);
    }

    public TestBed(boolean caseSensitiveLocalPart, int batchSize) {
        this(TestDatabases.fresh(), true, ContactsConfigs.of(caseSensitiveLocalPart, "02:00", batchSize),
                Configs.defaults(ScoringConfig.class));
    }

    /** The services over a fresh database of the run's kind with this contacts configuration. */
    public TestBed(ContactsConfig contactsConfig) {
        this(TestDatabases.fresh(), true, contactsConfig, Configs.defaults(ScoringConfig.class));
    }

    /** The services on {@code dataSource} (migrated first) with these configurations. */
    public TestBed(DataSource dataSource, ContactsConfig contactsConfig, ScoringConfig scoringConfig) {
        this(dataSource, false, contactsConfig, scoringConfig);
    }

    private TestBed(DataSource dataSource, boolean ownsDatabase, ContactsConfig contactsConfig, ScoringConfig scoringConfig) {
        this.dataSource = dataSource;
        this.ownsDatabase = ownsDatabase;
        this.stores = Stores.open(dataSource);
        this.scoring = new Scoring(scoringConfig);
        this.contacts = new DefaultContactService(stores.contacts(), stores.fields(), stores.lists(), stores.suppression(),
                stores.settings(), scoring, contactsConfig);
        this.fields = new DefaultFieldService(stores.fields());
        this.lists = new DefaultListService(stores.lists());
        this.tags = new DefaultTagService(stores.contacts());
        this.events = new DefaultEventService(contacts, stores.contacts(), stores.events(), Configs.defaults(EventsConfig.class));
    }

    /**
     * A fresh, empty in-memory Derby database: for the modules whose tests stay on Derby (routes,
     * REST) and reach into it; the beds of the contacts tests use {@link TestDatabases#fresh()}.
     */
    public static DataSource freshDatabase() {
        return TestDatabases.derby("herald");
    }

    /**
     * The dispatcher delivering the log to listeners (started on first use), with a short poll
     * interval and back-off so tests see deliveries quickly.
     */
    public synchronized EventDispatcher dispatcher() {
        if (dispatcher == null) {
            dispatcher = new EventDispatcher(stores.events(), Configs.of(EventsConfig.class,
                    Map.of("delivery_pollMillis", 20L, "delivery_maxBackoffMillis", 200L, "delivery_attempts", 3,
                            "delivery_leaseSeconds", 5L)));
        }
        return dispatcher;
    }

    /** Rows in a table, straight from the database. */
    public long rows(String table) {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            dispatcher.deactivate();
        }
        contacts.deactivate();
        stores.close();
        if (ownsDatabase) {
            TestDatabases.drop(dataSource);
        }
    }
}
