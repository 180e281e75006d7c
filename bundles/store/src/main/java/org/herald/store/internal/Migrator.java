package org.herald.store.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.herald.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned SQL migrations under {@code db/migration} that the database has not seen
 * yet, each in its own transaction together with its row in {@code herald_schema_version}. The
 * list is explicit (a bundle cannot list a folder of its class path portably).
 */
final class Migrator {

    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    /** Every migration in order; append only, never edit a released one. */
    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "contacts", "db/migration/V1__contacts.sql"),
            new Migration(2, "events", "db/migration/V2__events.sql"),
            new Migration(3, "segments", "db/migration/V3__segments.sql"),
            new Migration(4, "campaigns", "db/migration/V4__campaigns.sql"),
            new Migration(5, "preferences", "db/migration/V5__preferences.sql"),
            new Migration(6, "bounces", "db/migration/V6__bounces.sql"),
            new Migration(7, "system messages", "db/migration/V7__system_messages.sql"),
            new Migration(8, "forms", "db/migration/V8__forms.sql"),
            new Migration(9, "scheduled runs", "db/migration/V9__scheduled_runs.sql"),
            new Migration(10, "ab tests", "db/migration/V10__ab_tests.sql"),
            new Migration(11, "activity occurrences", "db/migration/V11__activity_occurrences.sql"));

    record Migration(int version, String description, String resource) {
    }

    private final DataSource dataSource;
    private final ClassLoader loader;

    Migrator(DataSource dataSource, ClassLoader loader) {
        this.dataSource = dataSource;
        this.loader = loader;
    }

    /** Brings the schema up to date; returns the versions applied now. */
    List<Integer> migrate() {
        List<Integer> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            ensureVersionTable(c);
            Set<Integer> done = appliedVersions(c);
            for (Migration m : MIGRATIONS) {
                if (!done.contains(m.version()) && apply(c, m)) {
                    applied.add(m.version());
                }
            }
        } catch (SQLException e) {
            throw new StoreException("database migration failed: " + e.getMessage(), e);
        }
        return applied;
    }

    static Set<Integer> appliedVersions(Connection c) throws SQLException {
        Set<Integer> versions = new TreeSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM herald_schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        if (tableExists(c, "herald_schema_version")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE herald_schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description VARCHAR(200) NOT NULL, applied_at TIMESTAMP NOT NULL)");
        } catch (SQLException e) {
            // another node may have created it at the same moment
            if (!tableExists(c, "herald_schema_version")) {
                throw e;
            }
        }
    }

    static boolean tableExists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // in the connection's schema only: other schemas of the same database may hold other Heralds
        String schema = c.getSchema();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = md.getTables(null, schema, name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Applies one migration unless another node did meanwhile: the version table is locked first
     * (both databases take {@code LOCK TABLE … IN EXCLUSIVE MODE}), so nodes starting together on one
     * database migrate one after the other. Returns whether this call applied it.
     */
    private boolean apply(Connection c, Migration m) throws SQLException {
        Dialect dialect = Dialect.of(c.getMetaData().getDatabaseProductName());
        List<String> statements = statements(read(m.resource())).stream().map(dialect::ddl).toList();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE herald_schema_version IN EXCLUSIVE MODE");
            if (appliedVersions(c).contains(m.version())) {
                c.commit();
                return false;
            }
            for (String sql : statements) {
                s.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO herald_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                ps.setInt(1, m.version());
                ps.setString(2, m.description());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
            LOG.info("Applied schema migration V{} ({}, {} statements)", m.version(), m.description(), statements.size());
            return true;
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException("migration V" + m.version() + " (" + m.resource() + "): " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private String read(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new StoreException("migration resource missing: " + resource, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + resource, e);
        }
    }

    /** Splits a script on semicolons ending a line; drops {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                result.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            result.add(current.toString().strip());
        }
        return result;
    }
}
