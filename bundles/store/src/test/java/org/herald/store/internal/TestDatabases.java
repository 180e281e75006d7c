package org.herald.store.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Fresh, empty databases for tests, on the database the run chose: {@code -Dherald.test.database=derby}
 * (the default: in-memory Derby) or {@code postgresql} (a database on {@link PostgresTestServer}, started
 * for the run). The store's and the contacts' tests run once on each (a second surefire execution
 * sets the property); the other modules' tests stay on Derby. Shared through this module's test jar.
 */
public final class TestDatabases {

    /** The system property that chooses the database of a test run. */
    public static final String PROPERTY = "herald.test.database";

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestDatabases() {
    }

    /** The database this run tests on. */
    public static Dialect selected() {
        String name = System.getProperty(PROPERTY, "derby").strip().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "derby", "" -> Dialect.DERBY;
            case "postgresql", "postgres" -> Dialect.POSTGRESQL;
            default -> throw new IllegalArgumentException(PROPERTY + "=" + name + ": expected derby or postgresql");
        };
    }

    /** A fresh, empty database of the selected kind. */
    public static DataSource fresh() {
        return selected() == Dialect.POSTGRESQL ? PostgresTestServer.get().freshDatabase() : derby("herald");
    }

    /** A fresh, empty in-memory Derby database, whatever the run chose. */
    public static DataSource derby(String prefix) {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + prefix + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** Drops a database made by {@link #fresh()} or {@link #derby}; its stores must be closed. */
    public static void drop(DataSource ds) {
        if (ds instanceof EmbeddedDataSource derby) {
            EmbeddedDataSource drop = new EmbeddedDataSource();
            drop.setDatabaseName(derby.getDatabaseName());
            drop.setConnectionAttributes("drop=true");
            try {
                drop.getConnection().close();
            } catch (SQLException expected) {
                // Derby reports a successful drop as SQLState 08006, a database already gone as XJ004
                if (!"08006".equals(expected.getSQLState()) && !"XJ004".equals(expected.getSQLState())) {
                    throw new IllegalStateException("cannot drop the test database", expected);
                }
            }
        } else {
            PostgresTestServer.get().drop(ds);
        }
    }
}
