package org.herald.benchmarks.events;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.ContactsConfigs;
import org.herald.contacts.internal.DefaultContactService;
import org.herald.contacts.internal.events.DefaultEventService;
import org.herald.contacts.internal.events.EventsConfig;
import org.herald.contacts.internal.events.Scoring;
import org.herald.contacts.internal.events.ScoringConfig;
import org.herald.events.IngestReport;
import org.herald.events.IngestResult;
import org.herald.events.json.EventInputJson;
import org.herald.json.HeraldJson;
import org.herald.store.internal.Stores;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Event ingestion throughput, not a test: N external events (page visits, purchases with value
 * and currency, a custom type) for C contacts, ingested in batches of 1,000 through the real
 * path every entry point shares (JSON body → {@link EventInputJson#read} → {@link
 * EventInputJson#ingest} → the event service → one committed transaction per batch, log
 * positions included), into an on-disk Derby database, next to a raw JDBC batch insert of the
 * same rows into the same table in a fresh database, 1,000 per commit. Derby's durability is its
 * default (every commit synced), so both sides store durably.
 * <p>
 * Run with {@code benchmarks/run.sh events [events] [contacts]}.
 */
public final class EventsBenchmark {

    private static final int BATCH = 1000;
    private static final ChangeContext API = ChangeContext.api("benchmark");

    private EventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 200_000;
        int contacts = args.length > 1 ? Integer.parseInt(args[1].replace("_", "").replace(",", "")) : 20_000;
        Path dir = Path.of(args.length > 2 ? args[2] : "target/events-benchmark").toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());

        long t0 = System.nanoTime();
        List<byte[]> bodies = bodies(events, contacts);
        System.out.printf(Locale.ROOT, "generated %,d events in %,d bodies of %,d for %,d contacts in %.1f s%n", events,
                bodies.size(), BATCH, contacts, (System.nanoTime() - t0) / 1e9);

        double raw = raw(dataSource(dir.resolve("raw-db")), events, contacts);
        double herald = herald(dataSource(dir.resolve("herald-db")), bodies, events, contacts);
        System.out.printf(Locale.ROOT, "%nraw JDBC batch insert:        %,10.0f events/s%n", raw);
        System.out.printf(Locale.ROOT, "Herald ingestion (JSON→log): %,10.0f events/s (target 20,000)%n", herald);
        System.out.printf(Locale.ROOT, "ratio:                       %10.1f %% of raw (target 50 %%)%n", 100 * herald / raw);
    }

    private static DataSource dataSource(Path db) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    private static String email(int contact) {
        return "user" + contact + "@example" + (contact % 100) + ".com";
    }

    /** The event bodies as integrators send them: JSON arrays of 1,000 events with client ids. */
    private static List<byte[]> bodies(int events, int contacts) throws IOException {
        ObjectMapper json = HeraldJson.mapper();
        Random r = new Random(7);
        List<byte[]> bodies = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < events; i++) {
            int kind = r.nextInt(10);
            Map<String, Object> e = new java.util.LinkedHashMap<>();
            e.put("id", "bench-" + i);
            e.put("email", email(r.nextInt(contacts)));
            if (kind < 7) {
                e.put("type", "page_visit");
                e.put("properties", Map.of("url", "https://shop.example.com/p/" + r.nextInt(5000), "title", "Product"));
            } else if (kind < 9) {
                e.put("type", "purchase");
                e.put("properties", Map.of("value", new BigDecimal(r.nextInt(20000) + "." + (10 + r.nextInt(90))),
                        "currency", "EUR", "items", List.of(Map.of("sku", "A-" + r.nextInt(500), "quantity", 1))));
            } else {
                e.put("type", "webinar_attended");
                e.put("properties", Map.of("webinar", "w-" + r.nextInt(20)));
            }
            batch.add(e);
            if (batch.size() == BATCH || i == events - 1) {
                bodies.add(json.writeValueAsBytes(batch));
                batch.clear();
            }
        }
        return bodies;
    }

    private static Stores contacts(DataSource ds, int contacts) throws IOException {
        Stores stores = Stores.open(ds);
        DefaultContactService service = service(stores);
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < contacts; i++) {
            csv.append(email(i)).append('\n');
        }
        service.importCsv(new StringReader(csv.toString()), ImportOptions.defaults(), ChangeContext.importing("benchmark"), null);
        service.deactivate();
        return stores;
    }

    private static DefaultContactService service(Stores stores) {
        return new DefaultContactService(stores.contacts(), stores.fields(), stores.lists(), stores.suppression(),
                stores.settings(), new Scoring(Configs.defaults(ScoringConfig.class)), ContactsConfigs.defaults());
    }

    private static double herald(DataSource ds, List<byte[]> bodies, int events, int contacts) throws IOException {
        Stores stores = contacts(ds, contacts);
        DefaultContactService service = service(stores);
        DefaultEventService eventService = new DefaultEventService(service, stores.contacts(), stores.events(),
                Configs.defaults(EventsConfig.class));
        long stored = 0;
        long t0 = System.nanoTime();
        for (byte[] body : bodies) {
            IngestReport report = EventInputJson.ingest(eventService, EventInputJson.read(body), API);
            stored += report.count(IngestResult.Outcome.STORED);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "Herald: %,d events stored in %.1f s%n", stored, seconds);
        if (stored != events) {
            throw new IllegalStateException("only " + stored + " of " + events + " events stored");
        }
        service.deactivate();
        stores.close();
        return events / seconds;
    }

    private static double raw(DataSource ds, int events, int contacts) throws IOException, SQLException {
        Stores stores = contacts(ds, contacts);
        stores.close();
        long[] keys = new long[contacts];
        String[] ids = new String[contacts];
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, public_id, email FROM contact")) {
            try (ResultSet rs = ps.executeQuery()) {
                Map<String, Integer> byEmail = new java.util.HashMap<>();
                for (int i = 0; i < contacts; i++) {
                    byEmail.put(email(i), i);
                }
                while (rs.next()) {
                    int i = byEmail.get(rs.getString(3));
                    keys[i] = rs.getLong(1);
                    ids[i] = rs.getString(2);
                }
            }
        }
        Random r = new Random(7);
        ObjectMapper json = HeraldJson.mapper();
        Timestamp now = Timestamp.from(Instant.now());
        long position;
        try (Connection c = ds.getConnection(); PreparedStatement max = c.prepareStatement(
                "SELECT COALESCE(MAX(id), 0) FROM contact_event"); ResultSet rs = max.executeQuery()) {
            rs.next();
            position = rs.getLong(1);
        }
        long t0 = System.nanoTime();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("INSERT INTO contact_event (id, "
                + "event_uid, contact_id, contact_public_id, event_type, occurred_at, recorded_at, source, actor, properties, "
                + "amount, currency, points) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < events; i++) {
                int kind = r.nextInt(10);
                int contact = r.nextInt(contacts);
                String type;
                Map<String, Object> props;
                BigDecimal amount = null;
                if (kind < 7) {
                    type = "page_visit";
                    props = Map.of("url", "https://shop.example.com/p/" + r.nextInt(5000), "title", "Product");
                } else if (kind < 9) {
                    type = "purchase";
                    amount = new BigDecimal(r.nextInt(20000) + "." + (10 + r.nextInt(90)));
                    props = Map.of("value", amount, "currency", "EUR", "items",
                            List.of(Map.of("sku", "A-" + r.nextInt(500), "quantity", 1)));
                } else {
                    type = "webinar_attended";
                    props = Map.of("webinar", "w-" + r.nextInt(20));
                }
                ps.setLong(1, ++position);
                ps.setString(2, "bench-" + i);
                ps.setLong(3, keys[contact]);
                ps.setString(4, ids[contact]);
                ps.setString(5, type);
                ps.setTimestamp(6, now);
                ps.setTimestamp(7, now);
                ps.setString(8, "API");
                ps.setString(9, "benchmark");
                ps.setString(10, new String(json.writeValueAsBytes(props), StandardCharsets.UTF_8));
                ps.setBigDecimal(11, amount);
                ps.setString(12, amount == null ? null : "EUR");
                ps.setNull(13, java.sql.Types.INTEGER);
                ps.addBatch();
                if ((i + 1) % BATCH == 0 || i == events - 1) {
                    ps.executeBatch();
                    c.commit();
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "raw: %,d events inserted in %.1f s%n", events, seconds);
        return events / seconds;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
