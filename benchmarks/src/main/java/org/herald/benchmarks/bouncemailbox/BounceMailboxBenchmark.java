package org.herald.benchmarks.bouncemailbox;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.herald.bounces.processing.internal.BounceBed;
import org.herald.contacts.Contact;
import org.herald.contacts.internal.Configs;
import org.herald.contacts.internal.ContactsConfigs;
import org.herald.contacts.internal.TestBed;
import org.herald.contacts.internal.events.ScoringConfig;
import org.herald.routes.bounces.internal.BounceMailboxConfig;
import org.herald.routes.bounces.internal.BounceMailboxRoute;
import org.herald.store.MessageStore.MessageRecord;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Bounce messages taken from an IMAP mailbox (GreenMail, in this JVM), classified and applied end to end
 * per second: the real route (camel-mail), the real processor and stores on an on-disk Derby database.
 * Each message is a report about its own contact and campaign message, matched by the signed envelope
 * token: 60% hard (the contact becomes INACTIVE), 30% soft, 5% complaints, 5% blocked. Then the same
 * processing without the mailbox (direct calls) on a second database, to show what the mailbox costs.
 * Not a test.
 *
 * <p>Usage: {@code BounceMailboxBenchmark [messages] [work-dir]} (default 2,000, target/bounce-mailbox-benchmark).
 */
public final class BounceMailboxBenchmark {

    private BounceMailboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path work = Paths.get(args.length > 1 ? args[1] : "target/bounce-mailbox-benchmark").toAbsolutePath();
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
        System.out.printf("Bounce mailbox benchmark: %d messages, Derby on disk under %s%n", n, work);

        // --- through the mailbox
        try (BounceBed b = bed(work.resolve("db-mailbox"))) {
            List<byte[]> reports = reports(b, n);
            int port;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
                port = free.getLocalPort();
            }
            GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
            mail.start();
            try {
                GreenMailUser user = mail.setUser("bounces@herald.test", "bounces", "secret");
                Session session = Session.getInstance(new Properties());
                for (byte[] r : reports) {
                    user.deliver(new MimeMessage(session, new ByteArrayInputStream(r)));
                }
                Map<String, Object> cfg = new HashMap<>(Map.of("enabled", true, "protocol", "imap", "host", "127.0.0.1",
                        "port", port, "user", "bounces", "password", "secret", "pollIntervalMillis", 10L,
                        "initialDelayMillis", 0L, "maxMessagesPerPoll", 500));
                BounceMailboxRoute route = new BounceMailboxRoute(b.processor, Configs.of(BounceMailboxConfig.class, cfg));
                DefaultCamelContext ctx = new DefaultCamelContext();
                ctx.addRoutes(route);
                long start = System.nanoTime();
                ctx.start();
                while (mail.getManagers().getImapHostManager().getInbox(user).getMessageCount() > 0) {
                    Thread.sleep(20);
                }
                long nanos = System.nanoTime() - start;
                ctx.stop();
                route.deactivate();
                long recorded = b.processor.list(null, null, 0, n + 10).stream().map(x -> x.key()).distinct().count();
                System.out.printf("IMAP mailbox -> classified and applied: %d messages in %.1f s = %.0f messages/s"
                        + " (%d recorded, %d quarantined)%n", n, nanos / 1e9, n / (nanos / 1e9), recorded,
                        b.processor.quarantined(0, 100).size());
            } finally {
                mail.stop();
            }
        }

        // --- the processor alone, same kind of messages
        try (BounceBed b = bed(work.resolve("db-direct"))) {
            List<byte[]> reports = reports(b, n);
            long start = System.nanoTime();
            for (byte[] r : reports) {
                b.processor.process(r, "benchmark");
            }
            long nanos = System.nanoTime() - start;
            System.out.printf("Processor alone (no mailbox): %d messages in %.1f s = %.0f messages/s%n", n, nanos / 1e9,
                    n / (nanos / 1e9));
            long cstart = System.nanoTime();
            for (byte[] r : reports) {
                b.classifier.classify(r);
            }
            long cnanos = System.nanoTime() - cstart;
            System.out.printf("Classification alone: %.0f messages/s%n", n / (cnanos / 1e9));
        }
    }

    private static BounceBed bed(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.toString());
        ds.setCreateDatabase("create");
        return new BounceBed(new TestBed(ds, ContactsConfigs.defaults(), Configs.defaults(ScoringConfig.class)), Map.of());
    }

    /** One report per contact, each about a SENT campaign message, matched by its envelope token. */
    private static List<byte[]> reports(BounceBed b, int n) {
        List<byte[]> out = new ArrayList<>(n);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Contact c = b.contact("bench" + i + "@dest.test");
            MessageRecord m = b.sent(c);
            String to = b.bounceAddress(m);
            int k = i % 20;
            out.add(k < 12 ? BounceBed.hard(to, c.email(), null) : k < 18 ? BounceBed.soft(to, c.email(), null)
                    : k < 19 ? BounceBed.complaint(to, c.email(), null) : BounceBed.blocked(to, c.email(), null));
        }
        System.out.printf("  (set-up: %d contacts with a sent message each in %s)%n", n,
                Duration.ofNanos(System.nanoTime() - t).toSeconds() + " s");
        return out;
    }
}
