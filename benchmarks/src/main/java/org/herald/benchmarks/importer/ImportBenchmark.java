package org.herald.benchmarks.importer;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.Choice;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.FieldType;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.ImportReport;
import org.herald.contacts.internal.ContactsConfigs;
import org.herald.contacts.internal.DefaultContactService;
import org.herald.contacts.internal.DefaultFieldService;
import org.herald.store.internal.PostgresTestServer;
import org.herald.store.internal.Stores;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.events.Scoring;
import org.herald.contacts.internal.events.ScoringConfig;

/**
 * Import throughput, not a test: N generated contacts with 10 custom fields of mixed types,
 * imported from CSV through the real ContactService into an on-disk Derby database, next to a
 * raw JDBC batch insert of the same N rows into the same contact table layout in a fresh Derby
 * database. Both sides run with the same Derby settings: the page cache Herald's distribution sets
 * (derby.storage.pageCacheSize, given by benchmarks/run.sh), everything else at Derby's defaults.
 * <p>
 * Run with {@code benchmarks/run.sh import [rows]}.
 */
public final class ImportBenchmark {

    private static final int RAW_BATCH = 1000;
    private static final String[] SIZES = {"xs", "s", "m", "l", "xl"};
    private static final String[] TOPICS = {"news", "tips", "offers", "events"};
    private static final String[] CITIES = {"Tallinn", "Tartu", "Pärnu", "Narva, Ida-Viru", "Viljandi"};

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 1_000_000;
        Path dir = Path.of(args.length > 1 ? args[1] : "target/import-benchmark").toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());

        Path csv = dir.resolve("contacts.csv");
        long t0 = System.nanoTime();
        generate(csv, rows);
        System.out.printf(Locale.ROOT, "generated %,d rows (%,d bytes) in %.1f s%n", rows, Files.size(csv),
                (System.nanoTime() - t0) / 1e9);

        if (POSTGRESQL) {
            double batch = raw(dataSource(dir.resolve("raw-db")), rows);
            double copy = rawCopy(dataSource(dir.resolve("copy-db")), rows);
            double herald = herald(dataSource(dir.resolve("herald-db")), csv, rows);
            System.out.printf(Locale.ROOT, "%nPostgreSQL %s%n", PostgresTestServer.get().url("…"));
            System.out.printf(Locale.ROOT, "raw JDBC batch insert: %,10.0f rows/s (multi-row inserts: reWriteBatchedInserts)%n", batch);
            System.out.printf(Locale.ROOT, "raw COPY:              %,10.0f rows/s%n", copy);
            System.out.printf(Locale.ROOT, "Herald CSV import:     %,10.0f rows/s%n", herald);
            System.out.printf(Locale.ROOT, "ratio:                 %10.1f %% of raw COPY (target 70 %%), %.1f %% of raw batch%n",
                    100 * herald / copy, 100 * herald / batch);
            return;
        }
        double raw = raw(dataSource(dir.resolve("raw-db")), rows);
        double herald = herald(dataSource(dir.resolve("herald-db")), csv, rows);
        System.out.printf(Locale.ROOT, "%nraw JDBC batch insert: %,10.0f rows/s%n", raw);
        System.out.printf(Locale.ROOT, "Herald CSV import:     %,10.0f rows/s%n", herald);
        System.out.printf(Locale.ROOT, "ratio:                 %10.1f %% of raw (target 70 %%)%n", 100 * herald / raw);
    }

    /** {@code -Dbench.database=postgresql}: both sides on a private PostgreSQL server (as the tests start one). */
    private static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("bench.database", "derby"));

    private static DataSource dataSource(Path db) {
        if (POSTGRESQL) {
            return PostgresTestServer.get().freshDatabase();
        }
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** Schema (migrations) and the 10 fields, both sides alike. */
    private static Stores prepare(DataSource ds) {
        Stores store = Stores.open(ds);
        var fields = new DefaultFieldService(store.fields());
        fields.create("name", FieldType.TEXT, null, null);
        fields.create("age", FieldType.NUMBER, null, null);
        fields.create("spent", FieldType.DECIMAL, null, null);
        fields.create("birthday", FieldType.DATE, null, null);
        fields.create("vip", FieldType.BOOLEAN, null, null);
        fields.create("size", FieldType.CHOICE, null, choices(SIZES));
        fields.create("topics", FieldType.MULTICHOICE, null, choices(TOPICS));
        fields.create("phone", FieldType.PHONE, null, null);
        fields.create("city", FieldType.TEXT, null, null);
        fields.create("visits", FieldType.NUMBER, null, null);
        return store;
    }

    /** The import batch size: {@code -Dimport.batchSize=N}, default as configured in production (1000). */
    private static int batchSize() {
        return Integer.getInteger("import.batchSize", 1000);
    }

    private static List<Choice> choices(String[] values) {
        return java.util.Arrays.stream(values).map(v -> new Choice(v, null)).toList();
    }

    private static double herald(DataSource ds, Path csv, int rows) throws IOException {
        Stores store = prepare(ds);
        DefaultContactService contacts = new DefaultContactService(store.contacts(), store.fields(), store.lists(),
                store.suppression(), store.settings(), new Scoring(Configs.defaults(ScoringConfig.class)),
                ContactsConfigs.withImportBatchSize(batchSize()));
        long t0 = System.nanoTime();
        ImportReport report;
        try (BufferedReader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            report = contacts.importCsv(in, ImportOptions.defaults(), ChangeContext.importing("benchmark"),
                    (read, soFar) -> {
                        if (read % 100_000 == 0) {
                            System.out.printf(Locale.ROOT, "  herald: %,d rows%n", read);
                        }
                    });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Herald import: %,d created, %,d rejected in %.1f s%n", report.created(),
                report.rejected(), seconds);
        if (report.created() != rows || contacts.count(ContactQuery.all()) != rows) {
            throw new IllegalStateException("import incomplete: " + report.created() + " of " + rows + " created; first errors "
                    + report.errors().stream().limit(3).toList());
        }
        contacts.deactivate();
        store.close();
        return rows / seconds;
    }

    private static double raw(DataSource ds, int rows) throws SQLException {
        Stores store = prepare(ds);
        store.close();
        Random random = new Random(1);
        java.security.SecureRandom ids = new java.security.SecureRandom();
        Timestamp now = Timestamp.from(Instant.now());
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO contact (id, public_id, email, email_key, status, "
                        + "monitored, created_at, updated_at, deleted_at, version, cf_name, cf_age, cf_spent, cf_birthday, "
                        + "cf_vip, cf_size, cf_topics, cf_phone, cf_city, cf_visits) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < rows; i++) {
                String[] v = row(random, i);
                ps.setLong(1, i + 1L);
                ps.setString(2, publicId(ids));
                ps.setString(3, v[0]);
                ps.setString(4, v[0]);
                ps.setString(5, "UNKNOWN");
                ps.setBoolean(6, true);
                ps.setTimestamp(7, now);
                ps.setTimestamp(8, now);
                ps.setTimestamp(9, null);
                ps.setLong(10, 0);
                ps.setString(11, v[1]);
                ps.setLong(12, Long.parseLong(v[2]));
                ps.setBigDecimal(13, new BigDecimal(v[3]));
                ps.setDate(14, Date.valueOf(v[4]));
                ps.setBoolean(15, Boolean.parseBoolean(v[5]));
                ps.setString(16, v[6]);
                ps.setString(17, "[\"" + v[7].replace("|", "\",\"") + "\"]");
                ps.setString(18, v[8].replace(" ", ""));
                ps.setString(19, v[9]);
                ps.setLong(20, Long.parseLong(v[10]));
                ps.addBatch();
                if ((i + 1) % RAW_BATCH == 0 || i == rows - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "raw insert: %,d rows in %.1f s%n", rows, seconds);
        return rows / seconds;
    }

    /** The same rows as {@link #raw} through PostgreSQL's COPY (text format), in chunks of {@value #RAW_BATCH}0. */
    private static double rawCopy(DataSource ds, int rows) throws SQLException, IOException {
        Stores store = prepare(ds);
        store.close();
        Random random = new Random(1);
        java.security.SecureRandom ids = new java.security.SecureRandom();
        String now = Timestamp.from(Instant.now()).toString();
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            org.postgresql.copy.CopyManager copy = c.unwrap(org.postgresql.PGConnection.class).getCopyAPI();
            StringBuilder text = new StringBuilder(1 << 20);
            for (int i = 0; i < rows; i++) {
                String[] v = row(random, i);
                text.append(i + 1L).append('\t').append(publicId(ids)).append('\t').append(v[0]).append('\t').append(v[0])
                        .append("\tUNKNOWN\tt\t").append(now).append('\t').append(now).append("\t\\N\t0\t")
                        .append(v[1]).append('\t').append(v[2]).append('\t').append(v[3]).append('\t').append(v[4])
                        .append('\t').append(Boolean.parseBoolean(v[5]) ? 't' : 'f').append('\t').append(v[6]).append('\t')
                        .append("[\"" + v[7].replace("|", "\",\"") + "\"]").append('\t').append(v[8].replace(" ", ""))
                        .append('\t').append(v[9]).append('\t').append(v[10]).append('\n');
                if ((i + 1) % (RAW_BATCH * 10) == 0 || i == rows - 1) {
                    copy.copyIn("COPY contact (id, public_id, email, email_key, status, monitored, created_at, updated_at, "
                            + "deleted_at, version, cf_name, cf_age, cf_spent, cf_birthday, cf_vip, cf_size, cf_topics, "
                            + "cf_phone, cf_city, cf_visits) FROM STDIN", new java.io.StringReader(text.toString()));
                    c.commit();
                    text.setLength(0);
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "raw COPY: %,d rows in %.1f s%n", rows, seconds);
        return rows / seconds;
    }

    /**
     * A public id like Herald's own (128 SecureRandom bits, 26 base32 characters): the same rows
     * means random ids here too, whose unique index takes random inserts, not sequential ones.
     */
    private static String publicId(java.security.SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        StringBuilder sb = new StringBuilder(26);
        java.math.BigInteger v = new java.math.BigInteger(1, bytes).shiftLeft(2);
        for (int i = 25; i >= 0; i--) {
            sb.append(alphabet.charAt(v.shiftRight(i * 5).intValue() & 31));
        }
        return sb.toString();
    }

    /** One contact's values: email, then the 10 fields as CSV cells. */
    private static String[] row(Random r, int i) {
        LocalDate birthday = LocalDate.of(1950 + r.nextInt(55), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String topics = TOPICS[r.nextInt(2)] + "|" + TOPICS[2 + r.nextInt(2)];
        return new String[] {
            "user" + i + "@example" + (i % 100) + ".com",
            "Contact " + i,
            String.valueOf(18 + r.nextInt(70)),
            r.nextInt(100_000) + "." + String.format(Locale.ROOT, "%02d", r.nextInt(100)),
            birthday.toString(),
            String.valueOf(r.nextBoolean()),
            SIZES[r.nextInt(SIZES.length)],
            topics,
            "+372 5" + (1_000_000 + r.nextInt(8_999_999)),
            CITIES[r.nextInt(CITIES.length)],
            String.valueOf(r.nextInt(1000)),
        };
    }

    private static void generate(Path csv, int rows) throws IOException {
        Random random = new Random(1);
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("email,name,age,spent,birthday,vip,size,topics,phone,city,visits\r\n");
            StringBuilder line = new StringBuilder(200);
            for (int i = 0; i < rows; i++) {
                String[] v = row(random, i);
                line.setLength(0);
                for (int k = 0; k < v.length; k++) {
                    if (k > 0) {
                        line.append(',');
                    }
                    boolean quote = v[k].indexOf(',') >= 0;
                    line.append(quote ? "\"" + v[k] + "\"" : v[k]);
                }
                out.write(line.append("\r\n").toString());
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
