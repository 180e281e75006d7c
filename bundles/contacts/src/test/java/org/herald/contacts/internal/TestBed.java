package org.herald.contacts.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.internal.events.DefaultEventService;
import org.herald.contacts.internal.events.EventDispatcher;
import org.herald.contacts.internal.events.EventsConfig;
import org.herald.contacts.internal.events.Scoring;
import org.herald.contacts.internal.events.ScoringConfig;
import org.herald.store.internal.Stores;

/**
 * Herald's services as the container wires them (the real stores, the real rules) over a fresh
 * in-memory Derby database: one per test class or test, shared by the tests of every module that
 * needs the domain (the contacts bundle's own, REST, routes, benchmarks) through this module's
 * test jar. Give each test its own addresses and names; close it when done.
 */
public final class TestBed implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

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

    public TestBed() {
        this(false, 1000);
    }

    public TestBed(boolean caseSensitiveLocalPart, int batchSize) {
        this(freshDatabase(), ContactsConfigs.of(caseSensitiveLocalPart, "02:00", batchSize),
                Configs.defaults(ScoringConfig.class));
    }

    /** The services on {@code dataSource} (migrated first) with these configurations. */
    public TestBed(DataSource dataSource, ContactsConfig contactsConfig, ScoringConfig scoringConfig) {
        this.dataSource = dataSource;
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
     * A fresh in-memory Derby database holding Herald's schema and nothing else: a copy of a template
     * migrated once per test JVM (creating a Derby database and running the migrations costs about a
     * second; a copy, a tenth of that). The migrations themselves are tested on empty databases in
     * bundles/store.
     */
    public static DataSource freshDatabase() {
        Path template = template();
        String name = "memory:herald" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        EmbeddedDataSource copy = new EmbeddedDataSource();
        copy.setDatabaseName(name);
        copy.setConnectionAttributes("createFrom=" + template);
        try {
            copy.getConnection().close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the test database template " + template, e);
        }
        // no create attribute: a database a test drops stays gone, as a lost database server would
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(name);
        return ds;
    }

    private static Path template;

    /** The migrated template, backed up once per JVM under target/ (or the temporary folder). */
    private static synchronized Path template() {
        if (template != null) {
            return template;
        }
        System.setProperty("derby.stream.error.file", "target/derby.log");
        String name = "memory:herald" + ProcessHandle.current().pid() + "_template";
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(name);
        ds.setCreateDatabase("create");
        Stores.open(ds).close();
        try {
            Path target = Paths.get("target");
            Path dir = Files.createTempDirectory(Files.isDirectory(target) ? target : Paths.get(System.getProperty("java.io.tmpdir")),
                    "herald-db-template");
            try (Connection c = ds.getConnection(); CallableStatement backup = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                backup.setString(1, dir.toString());
                backup.execute();
            }
            drop(name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "herald-test-template-cleanup"));
            try (Stream<Path> s = Files.list(dir)) {
                template = s.findFirst().orElseThrow(() -> new IllegalStateException("Derby wrote no backup into " + dir));
            }
            return template;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot prepare the test database template", e);
        }
    }

    private static void drop(String name) {
        EmbeddedDataSource drop = new EmbeddedDataSource();
        drop.setDatabaseName(name);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException dropped) {
            // Derby reports a successful drop as SQLState 08006
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // target/ is cleaned by the next build
        }
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
    }
}
