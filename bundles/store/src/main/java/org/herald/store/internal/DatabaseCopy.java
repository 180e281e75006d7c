package org.herald.store.internal;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.herald.contacts.FieldType;
import org.herald.store.StoreException;

/**
 * Moves a Herald database to PostgreSQL: every table of the source (an embedded Derby one, Herald
 * stopped) into an empty target, which is migrated first and given the source's custom field
 * columns. Tables are copied in foreign-key order, row by row as the source has them (keys,
 * positions, identities included), in one transaction; then the target's identity sequences are
 * moved past the copied keys. Tables added by later migrations (segments, campaigns) are copied
 * without changes here, since the list of tables comes from the source's metadata.
 * <p>
 * Run outside the container: {@code bin/herald-db-copy <source url> <target url> [user [password]]}
 * (see README, "Point Herald at PostgreSQL").
 */
public final class DatabaseCopy {

    private static final int BATCH = 1000;
    private static final String VERSIONS = "herald_schema_version";

    private final DataSource source;
    private final DataSource target;
    private final PrintStream out;

    public DatabaseCopy(DataSource source, DataSource target, PrintStream out) {
        this.source = source;
        this.target = target;
        this.out = out;
    }

    /** Copies everything; returns the rows copied per table, in copy order. */
    public Map<String, Long> run() {
        if (Dialect.of(target) != Dialect.POSTGRESQL) {
            throw new StoreException("the target of a copy must be a PostgreSQL database", null);
        }
        try (Connection from = source.getConnection()) {
            if (!Migrator.tableExists(from, VERSIONS)) {
                throw new StoreException("the source is not a Herald database (no " + VERSIONS + ")", null);
            }
            Set<Integer> sourceVersions = Migrator.appliedVersions(from);
            new Migrator(target, DatabaseCopy.class.getClassLoader()).migrate();
            try (Connection to = target.getConnection()) {
                Set<Integer> targetVersions = Migrator.appliedVersions(to);
                if (!sourceVersions.equals(targetVersions)) {
                    throw new StoreException("the source has schema versions " + sourceVersions + ", this Herald "
                            + targetVersions + ": start the source once with this Herald version, then copy", null);
                }
                addFieldColumns(from, to);
                List<String> tables = tablesInKeyOrder(from);
                to.setAutoCommit(false);
                from.setAutoCommit(false);
                requireEmpty(to, tables);
                Map<String, Long> copied = new LinkedHashMap<>();
                for (String table : tables) {
                    long n = copyTable(from, to, table);
                    copied.put(table, n);
                    out.printf(Locale.ROOT, "%-24s %,12d rows%n", table, n);
                }
                moveIdentities(to, tables);
                to.commit();
                from.commit();
                return copied;
            }
        } catch (SQLException e) {
            throw new StoreException("cannot copy the database: " + e.getMessage(), e);
        }
    }

    /** The target gets a typed column for each field the source defines (the definitions come with the copy). */
    private static void addFieldColumns(Connection from, Connection to) throws SQLException {
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT name, field_type FROM field_definition")) {
            while (rs.next()) {
                String column = ContactTable.column(rs.getString(1));
                if (!columns(to, "contact").contains(column)) {
                    try (Statement add = to.createStatement()) {
                        add.executeUpdate("ALTER TABLE contact ADD COLUMN " + column + " "
                                + ContactTable.sqlType(FieldType.valueOf(rs.getString(2))));
                    }
                }
            }
        }
    }

    /** Every table of the source's schema but the version table, each after the tables it refers to. */
    private static List<String> tablesInKeyOrder(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        Map<String, Set<String>> refersTo = new LinkedHashMap<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!table.equals(VERSIONS)) {
                    refersTo.put(table, new LinkedHashSet<>());
                }
            }
        }
        for (String table : refersTo.keySet()) {
            for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
                try (ResultSet rs = md.getImportedKeys(null, schema, name)) {
                    while (rs.next()) {
                        String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                        if (!parent.equals(table)) {
                            refersTo.get(table).add(parent);
                        }
                    }
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < refersTo.size()) {
            boolean progress = false;
            for (Map.Entry<String, Set<String>> e : refersTo.entrySet()) {
                if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue())) {
                    ordered.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("foreign keys form a cycle among " + refersTo.keySet());
            }
        }
        return ordered;
    }

    /**
     * Nothing in the target but what its migrations and first start wrote (key counters, settings):
     * those rows are replaced by the source's.
     */
    private static void requireEmpty(Connection to, List<String> tables) throws SQLException {
        try (Statement s = to.createStatement()) {
            for (String table : tables) {
                if (table.equals("herald_key_block") || table.equals("herald_setting")) {
                    continue;
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new StoreException("the target is not empty (" + table + " has rows): copy into a new database",
                                null);
                    }
                }
            }
            s.executeUpdate("DELETE FROM herald_key_block");
            s.executeUpdate("DELETE FROM herald_setting");
        }
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        List<String> columns = new ArrayList<>(columns(to, table));
        columns.retainAll(columns(from, table));
        String list = String.join(", ", columns);
        String marks = String.join(", ", java.util.Collections.nCopies(columns.size(), "?"));
        // identities are copied as they are (consent_entry's is GENERATED ALWAYS)
        String insert = "INSERT INTO " + table + " (" + list + ") OVERRIDING SYSTEM VALUE VALUES (" + marks + ")";
        long n = 0;
        try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT " + list + " FROM " + table);
                PreparedStatement ps = to.prepareStatement(insert)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                for (int i = 1; i <= columns.size(); i++) {
                    Object v = rs.getObject(i);
                    if (v == null) {
                        ps.setNull(i, md.getColumnType(i));
                    } else {
                        ps.setObject(i, v);
                    }
                }
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            if (n % BATCH != 0) {
                ps.executeBatch();
            }
        }
        return n;
    }

    /** PostgreSQL's identity sequences continue after the highest copied key. */
    private static void moveIdentities(Connection to, List<String> tables) throws SQLException {
        DatabaseMetaData md = to.getMetaData();
        for (String table : tables) {
            try (ResultSet rs = md.getColumns(null, to.getSchema(), table, "%")) {
                while (rs.next()) {
                    if ("YES".equals(rs.getString("IS_AUTOINCREMENT"))) {
                        String column = rs.getString("COLUMN_NAME");
                        try (Statement s = to.createStatement(); ResultSet r = s.executeQuery(
                                "SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), COALESCE(MAX(" + column
                                        + "), 0) + 1, false) FROM " + table)) {
                            r.next();
                        }
                    }
                }
            }
        }
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> result = new LinkedHashSet<>();
        DatabaseMetaData md = c.getMetaData();
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet rs = md.getColumns(null, c.getSchema(), name, "%")) {
                while (rs.next()) {
                    result.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return result;
    }

    /**
     * {@code DatabaseCopy <source url> <target url> [user [password]]}: the user and password are the
     * target's (an embedded Derby source needs none). The drivers come from the class path.
     */
    public static void main(String[] args) throws SQLException {
        if (args.length < 2) {
            System.err.println("usage: herald-db-copy <source jdbc url> <target jdbc url> [user [password]]");
            System.exit(2);
        }
        DataSource from = driverManager(args[0], null, null);
        DataSource to = driverManager(args[1], args.length > 2 ? args[2] : null, args.length > 3 ? args[3] : null);
        long t0 = System.nanoTime();
        Map<String, Long> copied = new DatabaseCopy(from, to, System.out).run();
        System.out.printf(Locale.ROOT, "copied %,d rows of %d tables in %.1f s%n",
                copied.values().stream().mapToLong(Long::longValue).sum(), copied.size(), (System.nanoTime() - t0) / 1e9);
    }

    private static DataSource driverManager(String url, String user, String password) {
        return new DriverManagerSource(url, user, password);
    }

    /** The smallest DataSource over {@link DriverManager}, for the command line. */
    private record DriverManagerSource(String url, String user, String password) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, password);
        }

        @Override
        public Connection getConnection(String u, String p) throws SQLException {
            return DriverManager.getConnection(url, u, p);
        }

        @Override
        public java.io.PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(java.io.PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() {
            return java.util.logging.Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
