package org.herald.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * In-memory Derby databases for the store's tests: empty ones (for the migrations) and migrated
 * ones, copied from a template migrated once per test JVM (a copy costs a tenth of creating and
 * migrating). Above the store, tests use the contacts bundle's TestBed, which does the same.
 */
final class Databases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Path template;

    private Databases() {
    }

    /** A fresh database without any table. */
    static DataSource empty() {
        return named(nextName(), null);
    }

    /** A fresh database holding the migrated schema and no data. */
    static DataSource migrated() {
        String name = nextName();
        DataSource copy = named(name, "createFrom=" + template());
        try {
            copy.getConnection().close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy the test database template into " + name, e);
        }
        return named(name, null);
    }

    private static String nextName() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        return "memory:store" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    }

    private static DataSource named(String name, String attributes) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(name);
        if (attributes == null) {
            ds.setCreateDatabase("create");
        } else {
            ds.setConnectionAttributes(attributes);
        }
        return ds;
    }

    private static synchronized Path template() {
        if (template != null) {
            return template;
        }
        DataSource ds = empty();
        new Migrator(ds, Databases.class.getClassLoader()).migrate();
        try {
            Path target = Paths.get("target");
            Path dir = Files.createTempDirectory(Files.isDirectory(target) ? target : Paths.get(System.getProperty("java.io.tmpdir")),
                    "store-db-template");
            try (Connection c = ds.getConnection(); CallableStatement backup = c.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
                backup.setString(1, dir.toString());
                backup.execute();
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "store-test-template-cleanup"));
            try (Stream<Path> s = Files.list(dir)) {
                template = s.findFirst().orElseThrow(() -> new IllegalStateException("Derby wrote no backup into " + dir));
            }
            return template;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot prepare the test database template", e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // target/ is cleaned by the next build
        }
    }
}
