package org.herald.benchmarks.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.herald.json.HeraldJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Event ingestion and publication against a running Herald (not a test): creates C contacts,
 * then sends N events through {@code POST /herald/api/v1/events} in batches of 1,000 from two
 * clients, and N more as 1,000-event messages to {@code herald.events.in}; meanwhile a subscriber
 * on {@code herald.events} measures, for every event of the run, the publish lag (received minus
 * recorded). REST throughput counts acknowledged (200, committed) events; the queue figure counts
 * until the last queued event was published, so it includes delivery.
 * <p>
 * Start Herald first ({@code karaf-assembly/target/assembly/bin/start}), then run
 * {@code benchmarks/run.sh events-live [events] [contacts]}. Compare with the raw JDBC figure of
 * {@code benchmarks/run.sh events} (the same rows inserted by plain JDBC into Derby).
 */
public final class LiveEventsBenchmark {

    private static final int BATCH = 1000;
    private static final ObjectMapper JSON = HeraldJson.mapper();

    private LiveEventsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 100_000;
        int contacts = args.length > 1 ? Integer.parseInt(args[1].replace("_", "")) : 10_000;
        String base = System.getProperty("herald.url", "http://127.0.0.1:8181/herald/api/v1");
        String user = System.getProperty("herald.user", "admin");
        String password = System.getProperty("herald.password", "admin");
        String amqp = System.getProperty("herald.amqp", "amqp://127.0.0.1:5672");
        String run = "live" + Long.toString(System.currentTimeMillis(), 36);
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < contacts; i++) {
            csv.append(email(run, i)).append('\n');
        }
        long t0 = System.nanoTime();
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(base + "/contacts/import"))
                .header("Authorization", auth).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import failed: " + imported.statusCode() + " " + imported.body());
        }
        System.out.printf(Locale.ROOT, "imported %,d contacts in %.1f s%n", contacts, (System.nanoTime() - t0) / 1e9);

        Map<String, Long> lagNanos = new ConcurrentHashMap<>();
        CountDownLatch all = new CountDownLatch(2 * events);
        JmsConnectionFactory factory = new JmsConnectionFactory(user, password, amqp);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session subscriberSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer subscriber = subscriberSession.createConsumer(subscriberSession.createTopic("herald.events"));
            subscriber.setMessageListener(m -> received(m, run, lagNanos, all));

            List<byte[]> restBodies = bodies(run + "-rest", events, contacts, run);
            long r0 = System.nanoTime();
            AtomicLong stored = new AtomicLong();
            ExecutorService clients = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int b = client; b < restBodies.size(); b += 2) {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/events"))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofByteArray(restBodies.get(b))).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() >= 300) {
                            throw new IllegalStateException("POST /events: " + r.statusCode() + " " + r.body());
                        }
                        stored.addAndGet(JSON.readTree(r.body()).path("stored").asLong());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            double restSeconds = (System.nanoTime() - r0) / 1e9;
            clients.shutdown();
            System.out.printf(Locale.ROOT, "REST: %,d events stored in %.1f s: %,.0f events/s%n", stored.get(), restSeconds,
                    stored.get() / restSeconds);

            List<byte[]> queueBodies = bodies(run + "-queue", events, contacts, run);
            Session producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = producerSession.createProducer(producerSession.createQueue("herald.events.in"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            long q0 = System.nanoTime();
            for (byte[] body : queueBodies) {
                producer.send(producerSession.createTextMessage(new String(body, StandardCharsets.UTF_8)));
            }
            double sent = (System.nanoTime() - q0) / 1e9;
            if (!all.await(10, TimeUnit.MINUTES)) {
                System.out.printf(Locale.ROOT, "only %,d of %,d events were published within 10 minutes%n",
                        2L * events - all.getCount(), 2L * events);
            }
            double queueSeconds = (System.nanoTime() - q0) / 1e9;
            System.out.printf(Locale.ROOT, "queue: %,d events sent in %.1f s, all published after %.1f s: %,.0f events/s%n",
                    events, sent, queueSeconds, events / queueSeconds);
            List<Long> lags = new ArrayList<>();
            lagNanos.forEach((id, lag) -> {
                if (id.startsWith(run + "-rest")) {
                    lags.add(lag);
                }
            });
            Collections.sort(lags);
            if (!lags.isEmpty()) {
                System.out.printf(Locale.ROOT, "publish lag of the REST events (%,d): p50 %d ms, p99 %d ms, max %d ms%n",
                        lags.size(), lags.get(lags.size() / 2) / 1_000_000, lags.get((int) (lags.size() * 0.99)) / 1_000_000,
                        lags.get(lags.size() - 1) / 1_000_000);
            }
        }
    }

    private static void received(Message m, String run, Map<String, Long> lagNanos, CountDownLatch all) {
        try {
            String body = m instanceof TextMessage t ? t.getText() : bytes((BytesMessage) m);
            JsonNode event = JSON.readTree(body);
            String id = event.path("id").asText();
            if (!id.startsWith(run)) {
                return;
            }
            Instant recorded = Instant.parse(event.path("recordedAt").asText());
            long lag = Duration.between(recorded, Instant.now()).toNanos();
            if (lagNanos.putIfAbsent(id, lag) == null) {
                all.countDown();
            }
        } catch (Exception e) {
            System.err.println("unreadable event: " + e);
        }
    }

    private static String bytes(BytesMessage m) throws jakarta.jms.JMSException {
        byte[] b = new byte[(int) m.getBodyLength()];
        m.readBytes(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String email(String run, int i) {
        return run + "-" + i + "@example" + (i % 50) + ".com";
    }

    private static List<byte[]> bodies(String prefix, int events, int contacts, String run) throws Exception {
        Random r = new Random(prefix.hashCode());
        List<byte[]> bodies = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < events; i++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", prefix + "-" + i);
            e.put("email", email(run, r.nextInt(contacts)));
            if (r.nextInt(10) < 8) {
                e.put("type", "page_visit");
                e.put("properties", Map.of("url", "https://shop.example.com/p/" + r.nextInt(5000)));
            } else {
                e.put("type", "purchase");
                e.put("properties", Map.of("value", new java.math.BigDecimal(r.nextInt(20000) + ".50"), "currency", "EUR"));
            }
            batch.add(e);
            if (batch.size() == BATCH || i == events - 1) {
                bodies.add(JSON.writeValueAsBytes(batch));
                batch.clear();
            }
        }
        return bodies;
    }
}
