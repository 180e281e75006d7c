package org.herald.benchmarks.segments;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.herald.audience.internal.conditions.Catalog;
import org.herald.audience.internal.conditions.Compiler;
import org.herald.audience.internal.conditions.Conditions;
import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldType;
import org.herald.contacts.internal.DefaultFieldService;
import org.herald.store.SegmentSql;
import org.herald.store.SegmentStore;
import org.herald.store.SqlDialect;
import org.herald.store.internal.Stores;

/**
 * Segment counts on a large embedded Derby: 1,000,000 contacts with 10 fields and 5,000,000 events
 * (with the per-contact activity summaries the listener keeps, written here in bulk), then
 * <ul>
 * <li>a 3-condition field segment, compiled by Herald, next to the hand-written SQL count;</li>
 * <li>"clicked in the last 30 days and purchased at least twice, not tagged x", compiled by Herald,
 * next to hand-written SQL over the raw events and over the summaries.</li>
 * </ul>
 * Each count: one warm-up, then the median of 5 runs. Prints the time to build the data.
 */
public final class SegmentBenchmark {

    private static final String[] TYPES = {"message_sent", "message_opened", "message_clicked", "page_visit", "purchase"};
    private static final int[] WEIGHTS = {40, 25, 10, 15, 10};
    private static final String[] CITIES = {"Tartu", "Tallinn", "Narva", "Parnu", "Viljandi", "Rakvere", "Voru", "Haapsalu"};
    private static final String[] PLANS = {"gold", "silver", "bronze", "free"};
    private static final int RUNS = 5;
    /**
     * The secondary indexes of the migrations on the tables loaded here: dropped before the bulk load
     * and created again after it (as a bulk load into any database is done; the primary keys stay).
     */
    private static final List<String> INDEXES = List.of(
            "CREATE UNIQUE INDEX contact_email_key ON contact (email_key)",
            "CREATE UNIQUE INDEX contact_public_id ON contact (public_id)",
            "CREATE INDEX contact_deleted_at ON contact (deleted_at)",
            "CREATE INDEX contact_status ON contact (status, deleted_at)",
            "CREATE INDEX contact_created ON contact (created_at)",
            "CREATE INDEX contact_orders ON contact (order_number)",
            "CREATE INDEX contact_tag_tag ON contact_tag (tag)",
            "CREATE UNIQUE INDEX contact_event_uid ON contact_event (event_uid)",
            "CREATE INDEX contact_event_timeline ON contact_event (contact_id, occurred_at)",
            "CREATE INDEX contact_event_type ON contact_event (event_type, occurred_at)",
            "CREATE INDEX contact_activity_last ON contact_activity (activity, ref, last_at, contact_id)",
            "CREATE INDEX contact_activity_total ON contact_activity (activity, ref, total, contact_id)");

    private SegmentBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int contacts = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long events = args.length > 1 ? Long.parseLong(args[1]) : 5_000_000L;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/segments-benchmark");
        Files.createDirectories(dir);
        Path db = dir.resolve("db-" + System.currentTimeMillis());
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setCreateDatabase("create");
        Stores stores = Stores.open(ds);
        DefaultFieldService fields = new DefaultFieldService(stores.fields());
        fields.create("name", FieldType.TEXT, null, null);
        fields.create("age", FieldType.NUMBER, null, null);
        fields.create("spent", FieldType.DECIMAL, null, null);
        fields.create("birthday", FieldType.DATE, null, null);
        fields.create("vip", FieldType.BOOLEAN, null, null);
        fields.create("plan", FieldType.TEXT, null, null);
        fields.create("city", FieldType.TEXT, null, null);
        fields.create("phone", FieldType.PHONE, null, null);
        fields.create("visits", FieldType.NUMBER, null, null);
        fields.create("country", FieldType.TEXT, null, null);

        Instant now = Instant.now();
        long t0 = System.nanoTime();
        long[] written = build(ds, contacts, events, now);
        double buildSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "data: %,d contacts, 10 fields, %,d events, %,d activity rows; built in %.1f s%n",
                contacts, written[0], written[1], buildSeconds);

        SegmentStore segments = stores.segments();
        Conditions conditions = new Conditions(catalog(fields, segments.dialect()), List.of());

        String fieldText = "age >= 30 and city = Tartu and plan in (gold, silver)";
        SegmentSql fieldSql = Compiler.compile(null, conditions.parseText(fieldText), now);
        String fieldHand = "SELECT COUNT(*) FROM contact WHERE deleted_at IS NULL AND cf_age >= 30 AND cf_city = 'Tartu' "
                + "AND cf_plan IN ('gold', 'silver')";
        report("3-condition field segment: " + fieldText, () -> segments.count(fieldSql), () -> count(ds, fieldHand));

        String behaviourText = "clicked in 30 days and purchased at least 2 times and not tag x";
        SegmentSql behaviourSql = Compiler.compile(null, conditions.parseText(behaviourText), now);
        Timestamp cutoff = Timestamp.from(now.minus(Duration.ofDays(30)));
        String rawHand = "SELECT COUNT(*) FROM contact c WHERE c.deleted_at IS NULL "
                + "AND EXISTS (SELECT 1 FROM contact_event e WHERE e.contact_id = c.id AND e.event_type = 'message_clicked' AND e.occurred_at >= ?) "
                + "AND (SELECT COUNT(*) FROM contact_event e WHERE e.contact_id = c.id AND e.event_type = 'purchase') >= 2 "
                + "AND NOT EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = 'x')";
        String summaryHand = "SELECT COUNT(*) FROM contact c WHERE c.deleted_at IS NULL "
                + "AND EXISTS (SELECT 1 FROM contact_activity a WHERE a.contact_id = c.id AND a.activity = 'message_clicked' AND a.ref = '' AND a.last_at >= ?) "
                + "AND EXISTS (SELECT 1 FROM contact_activity a WHERE a.contact_id = c.id AND a.activity = 'purchase' AND a.ref = '' AND a.total >= 2) "
                + "AND NOT EXISTS (SELECT 1 FROM contact_tag t WHERE t.contact_id = c.id AND t.tag = 'x')";
        report("behavioural segment: " + behaviourText, () -> segments.count(behaviourSql),
                () -> count(ds, summaryHand, cutoff));
        System.out.println("  (hand-written over the raw events instead of the summaries:)");
        double raw = median(() -> count(ds, rawHand, cutoff), 1)[0];
        System.out.printf(Locale.ROOT, "  raw events SQL: %.0f ms%n", raw);
        stores.close();
    }

    private static Catalog catalog(DefaultFieldService fields, SqlDialect dialect) {
        return new Catalog() {
            @Override
            public Optional<FieldDefinition> field(String name) {
                return fields.find(name);
            }

            @Override
            public boolean listExists(String name) {
                return false;
            }

            @Override
            public List<Stage> stages() {
                return List.of();
            }

            @Override
            public SqlDialect dialect() {
                return dialect;
            }
        };
    }

    private static void report(String what, LongSupplier ours, LongSupplier hand) {
        double[] o = median(ours, RUNS);
        double[] h = median(hand, RUNS);
        System.out.println(what);
        System.out.printf(Locale.ROOT, "  Herald: %,d contacts in %.0f ms (median of %d)%n", (long) o[1], o[0], RUNS);
        System.out.printf(Locale.ROOT, "  SQL:    %,d contacts in %.0f ms (median of %d)%n", (long) h[1], h[0], RUNS);
        System.out.printf(Locale.ROOT, "  ratio:  %.2fx of the hand-written SQL (target <= 1.5x)%n", o[0] / h[0]);
    }

    /** {median ms, result} after one warm-up. */
    private static double[] median(LongSupplier run, int runs) {
        long result = run.getAsLong();
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = run.getAsLong();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[runs / 2], result};
    }

    private static long count(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Ev(String type, Instant at, BigDecimal amount) {
    }

    /** Contacts, tags, events and activity summaries in JDBC batches; returns {events, activity rows}. */
    private static long[] build(DataSource ds, int contacts, long events, Instant now) throws SQLException {
        Random random = new Random(7);
        long eventId = 1;
        long activityRows = 0;
        int totalWeight = Arrays.stream(WEIGHTS).sum();
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                for (String index : INDEXES) {
                    s.execute("DROP INDEX " + index.replaceAll(".*INDEX (\\w+) ON.*", "$1"));
                }
            }
            c.commit();
            PreparedStatement contact = c.prepareStatement("INSERT INTO contact (id, public_id, email, email_key, status, "
                    + "monitored, created_at, updated_at, version, order_number, order_summary, cf_name, cf_age, cf_spent, "
                    + "cf_birthday, cf_vip, cf_plan, cf_city, cf_phone, cf_visits, cf_country) "
                    + "VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            PreparedStatement tag = c.prepareStatement("INSERT INTO contact_tag (contact_id, tag) VALUES (?, ?)");
            PreparedStatement event = c.prepareStatement("INSERT INTO contact_event (id, event_uid, contact_id, "
                    + "contact_public_id, event_type, occurred_at, recorded_at, source, amount, currency) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, 'BENCH', ?, ?)");
            PreparedStatement activity = c.prepareStatement("INSERT INTO contact_activity (contact_id, activity, ref, "
                    + "total, amount, first_at, last_at, last_position) VALUES (?, ?, '', ?, ?, ?, ?, ?)");
            LocalDate today = LocalDate.now();
            for (int i = 1; i <= contacts; i++) {
                String publicId = String.format(Locale.ROOT, "%026d", i);
                Instant created = now.minus(Duration.ofDays(400 + random.nextInt(1000)));
                // events of this contact: spread so that the total is the one asked for
                int n = (int) (events / contacts + (random.nextInt(contacts) < events % contacts ? 1 : 0));
                n = Math.max(0, n + random.nextInt(5) - 2);
                List<Ev> evs = new ArrayList<>();
                for (int k = 0; k < n; k++) {
                    int w = random.nextInt(totalWeight);
                    int t = 0;
                    while (w >= WEIGHTS[t]) {
                        w -= WEIGHTS[t++];
                    }
                    Instant at = now.minus(Duration.ofMinutes(random.nextInt(365 * 24 * 60)));
                    evs.add(new Ev(TYPES[t], at, TYPES[t].equals("purchase") ? BigDecimal.valueOf(5 + random.nextInt(200)) : null));
                }
                evs.sort(Comparator.comparing(Ev::at));
                long orders = evs.stream().filter(e -> e.type().equals("purchase")).count();
                BigDecimal sum = evs.stream().map(Ev::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
                contact.setLong(1, i);
                contact.setString(2, publicId);
                contact.setString(3, "c" + i + "@bench.test");
                contact.setString(4, "c" + i + "@bench.test");
                contact.setString(5, random.nextInt(10) < 7 ? "CONFIRMED" : "PENDING");
                contact.setTimestamp(6, Timestamp.from(created));
                contact.setTimestamp(7, Timestamp.from(created));
                contact.setLong(8, orders);
                contact.setBigDecimal(9, sum);
                contact.setString(10, "Name " + i);
                contact.setLong(11, 18 + random.nextInt(60));
                contact.setBigDecimal(12, BigDecimal.valueOf(random.nextInt(100000), 2));
                contact.setDate(13, Date.valueOf(today.minusDays(6570 + random.nextInt(20000))));
                contact.setBoolean(14, random.nextBoolean());
                contact.setString(15, PLANS[random.nextInt(PLANS.length)]);
                contact.setString(16, CITIES[random.nextInt(CITIES.length)]);
                contact.setString(17, "+372" + (5000000 + random.nextInt(999999)));
                contact.setLong(18, random.nextInt(500));
                contact.setString(19, "EE");
                contact.addBatch();
                if (random.nextInt(5) == 0) {
                    tag.setLong(1, i);
                    tag.setString(2, "x");
                    tag.addBatch();
                }
                Map<String, long[]> counts = new HashMap<>();
                Map<String, Instant[]> times = new HashMap<>();
                Map<String, BigDecimal> amounts = new HashMap<>();
                for (Ev e : evs) {
                    long position = eventId++;
                    event.setLong(1, position);
                    event.setString(2, UUID.randomUUID().toString());
                    event.setLong(3, i);
                    event.setString(4, publicId);
                    event.setString(5, e.type());
                    event.setTimestamp(6, Timestamp.from(e.at()));
                    event.setTimestamp(7, Timestamp.from(e.at()));
                    event.setBigDecimal(8, e.amount());
                    event.setString(9, e.amount() == null ? null : "EUR");
                    event.addBatch();
                    for (String a : e.type().equals("message_sent") ? List.of(e.type()) : List.of(e.type(), "@interaction")) {
                        long[] cnt = counts.computeIfAbsent(a, x -> new long[2]);
                        cnt[0]++;
                        cnt[1] = position;
                        Instant[] ft = times.computeIfAbsent(a, x -> new Instant[] {e.at(), e.at()});
                        ft[1] = e.at();
                        if (e.amount() != null && !a.startsWith("@")) {
                            amounts.merge(a, e.amount(), BigDecimal::add);
                        }
                    }
                }
                for (Map.Entry<String, long[]> a : counts.entrySet()) {
                    activity.setLong(1, i);
                    activity.setString(2, a.getKey());
                    activity.setLong(3, a.getValue()[0]);
                    activity.setBigDecimal(4, amounts.getOrDefault(a.getKey(), BigDecimal.ZERO));
                    activity.setTimestamp(5, Timestamp.from(times.get(a.getKey())[0]));
                    activity.setTimestamp(6, Timestamp.from(times.get(a.getKey())[1]));
                    activity.setLong(7, a.getValue()[1]);
                    activity.addBatch();
                    activityRows++;
                }
                if (i % 1000 == 0 || i == contacts) {
                    contact.executeBatch();
                    tag.executeBatch();
                    event.executeBatch();
                    activity.executeBatch();
                    c.commit();
                    if (i % 100000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d contacts, %,d events%n", i, eventId - 1);
                    }
                }
            }
            try (PreparedStatement keys = c.prepareStatement("UPDATE herald_key_block SET next_value = ? WHERE name = ?")) {
                keys.setLong(1, contacts + 1L);
                keys.setString(2, "contact");
                keys.executeUpdate();
                keys.setLong(1, eventId);
                keys.setString(2, "event");
                keys.executeUpdate();
            }
            c.commit();
            long t = System.nanoTime();
            try (var s = c.createStatement()) {
                for (String index : INDEXES) {
                    s.execute(index);
                    c.commit();
                }
            }
            System.out.printf(Locale.ROOT, "  indexes created again in %.1f s%n", (System.nanoTime() - t) / 1e9);
            // fresh statistics after a bulk load, as an administrator would run them (Derby's optimizer needs them)
            try (var s = c.createStatement()) {
                for (String table : List.of("CONTACT", "CONTACT_TAG", "CONTACT_EVENT", "CONTACT_ACTIVITY")) {
                    s.execute("CALL SYSCS_UTIL.SYSCS_UPDATE_STATISTICS('APP', '" + table + "', NULL)");
                }
            }
            c.commit();
        }
        return new long[] {eventId - 1, activityRows};
    }
}
