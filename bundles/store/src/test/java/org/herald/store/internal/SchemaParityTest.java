package org.herald.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.herald.contacts.FieldType;
import org.herald.store.FieldRecord;
import org.junit.jupiter.api.Test;

/**
 * The migrations (and the columns the fields add) give the same schema on Derby and PostgreSQL:
 * the same tables, columns, JDBC types, nullability and indexes. Uses both databases in every run.
 */
class SchemaParityTest {

    @Test
    void theRunTestsOnTheDatabaseItChose() {
        DataSource ds = TestDatabases.fresh();
        assertThat(Dialect.of(ds)).isEqualTo(TestDatabases.selected());
        TestDatabases.drop(ds);
    }

    @Test
    void migrationsGiveTheSameSchemaOnBothDatabases() throws SQLException {
        DataSource derby = TestDatabases.derby("parity");
        DataSource postgres = PostgresTestServer.get().freshDatabase();
        try {
            String onDerby = describe(derby);
            String onPostgres = describe(postgres);
            assertThat(onPostgres).isEqualTo(onDerby);
            assertThat(onDerby).contains("contact.cf_size BIGINT", "contact.cf_born DATE", "contact.cf_vip BOOLEAN");
        } finally {
            TestDatabases.drop(derby);
            PostgresTestServer.get().drop(postgres);
        }
    }

    private static String describe(DataSource ds) throws SQLException {
        try (Stores stores = Stores.open(ds)) {
            java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");
            stores.fields().createField(new FieldRecord("size", FieldType.NUMBER, null, 1, true, java.util.List.of(), now));
            stores.fields().createField(new FieldRecord("born", FieldType.DATE, null, 2, true, java.util.List.of(), now));
            stores.fields().createField(new FieldRecord("vip", FieldType.BOOLEAN, null, 3, true, java.util.List.of(), now));
            stores.fields().createField(new FieldRecord("price", FieldType.DECIMAL, null, 4, true, java.util.List.of(), now));
            try (Connection c = ds.getConnection()) {
                DatabaseMetaData md = c.getMetaData();
                String schema = c.getSchema();
                TreeMap<String, String> columns = new TreeMap<>();
                TreeSet<String> indexes = new TreeSet<>();
                try (ResultSet tables = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
                    while (tables.next()) {
                        String table = tables.getString("TABLE_NAME");
                        try (ResultSet cols = md.getColumns(null, schema, table, "%")) {
                            while (cols.next()) {
                                String name = (table + "." + cols.getString("COLUMN_NAME")).toLowerCase(Locale.ROOT);
                                columns.put(name, name + " " + type(cols.getInt("DATA_TYPE"), cols.getInt("COLUMN_SIZE"),
                                        cols.getInt("DECIMAL_DIGITS")) + (cols.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                                                ? " NOT NULL" : ""));
                            }
                        }
                        TreeMap<String, TreeMap<Integer, String>> byName = new TreeMap<>();
                        TreeMap<String, Boolean> unique = new TreeMap<>();
                        try (ResultSet idx = md.getIndexInfo(null, schema, table, false, false)) {
                            while (idx.next()) {
                                String column = idx.getString("COLUMN_NAME");
                                if (column != null) {
                                    String index = idx.getString("INDEX_NAME");
                                    byName.computeIfAbsent(index, k -> new TreeMap<>()).put((int) idx.getShort("ORDINAL_POSITION"),
                                            column.toLowerCase(Locale.ROOT));
                                    unique.put(index, !idx.getBoolean("NON_UNIQUE"));
                                }
                            }
                        }
                        TreeSet<String> tableIndexes = new TreeSet<>();
                        byName.forEach((index, cols) -> tableIndexes.add(table.toLowerCase(Locale.ROOT) + "("
                                + String.join(",", cols.values()) + ")" + (unique.get(index) ? " unique" : "")));
                        // Derby backs every foreign key with an index of its own; where another index starts with
                        // the same columns (a primary key), or is a unique one on exactly them, PostgreSQL needs none:
                        // not a difference of the schema
                        tableIndexes.removeIf(i -> !i.endsWith(" unique") && tableIndexes.stream().anyMatch(
                                other -> !other.equals(i) && (other.startsWith(i.substring(0, i.length() - 1) + ",")
                                        || other.equals(i + " unique"))));
                        indexes.addAll(tableIndexes);
                    }
                }
                return String.join("\n", columns.values()) + "\n--\n" + String.join("\n", indexes);
            }
        }
    }

    /** The JDBC type as both databases report it (PostgreSQL's BOOLEAN is BIT in its metadata, its TEXT a VARCHAR). */
    private static String type(int jdbcType, int size, int digits) {
        return switch (jdbcType) {
            case java.sql.Types.BIGINT -> "BIGINT";
            case java.sql.Types.INTEGER -> "INTEGER";
            case java.sql.Types.BOOLEAN, java.sql.Types.BIT -> "BOOLEAN";
            case java.sql.Types.DATE -> "DATE";
            case java.sql.Types.TIMESTAMP -> "TIMESTAMP";
            case java.sql.Types.DECIMAL, java.sql.Types.NUMERIC -> "DECIMAL(" + size + "," + digits + ")";
            // a large text: Derby's CLOB, PostgreSQL's TEXT (a VARCHAR without a length in its metadata)
            case java.sql.Types.CLOB -> "LARGE TEXT";
            case java.sql.Types.VARCHAR -> size == Integer.MAX_VALUE ? "LARGE TEXT" : "VARCHAR(" + size + ")";
            // bytes: Derby's BLOB, PostgreSQL's BYTEA (BINARY in its metadata)
            case java.sql.Types.BLOB, java.sql.Types.BINARY, java.sql.Types.VARBINARY, java.sql.Types.LONGVARBINARY -> "BYTES";
            default -> "type " + jdbcType;
        };
    }
}
