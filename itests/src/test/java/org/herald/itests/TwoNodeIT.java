package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.qpid.jms.JmsConnectionFactory;
import org.herald.store.internal.PostgresTestServer;
import org.junit.jupiter.api.Test;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;

/**
 * Two Herald nodes on one PostgreSQL (a private server the test starts; without PostgreSQL it fails
 * and says why) and one broker, node A's embedded Artemis, which node B (its own broker off) uses too.
 * Contact upserts go to herald.contacts.in, each address twice, while both nodes consume; node B is
 * killed with kill -9 midway. Every address ends as exactly one contact, and nothing is dead-lettered.
 */
class TwoNodeIT {

    private static final int ADDRESSES = 400;

    @Test
    void upsertsFromBothNodesWithOneKilledMidwayEndAsOneContactEach() throws Exception {
        PostgresTestServer postgres = PostgresTestServer.get();
        DataSource database = postgres.freshDatabase();
        String name = ((org.postgresql.ds.PGSimpleDataSource) database).getDatabaseName();
        HeraldContainer a = HeraldContainer.prepare();
        HeraldContainer b = HeraldContainer.prepare();
        try {
            for (HeraldContainer node : List.of(a, b)) {
                Files.writeString(node.home.resolve("etc/org.ops4j.datasource-herald.cfg"), String.join("\n",
                        "osgi.jdbc.driver.name = PostgreSQL JDBC Driver",
                        "dataSourceName = herald",
                        "url = " + postgres.url(name) + "?reWriteBatchedInserts=true",
                        "user = " + postgres.user(),
                        "pool = hikari",
                        "xa = false",
                        "hikari.maximumPoolSize = 10", ""));
            }
            // node B: no embedded broker, the routes on node A's
            HeraldContainer.setProperty(b.home.resolve("etc/org.herald.messaging.cfg"), "broker.url",
                    "amqp://127.0.0.1:" + a.amqpPort);
            Path boot = b.home.resolve("etc/org.apache.karaf.features.cfg");
            Files.writeString(boot, Pattern.compile("\\s*herald-broker/[^,\\s]+,\\s*\\\\").matcher(Files.readString(boot))
                    .replaceAll(""));
            assertThat(Files.readString(boot)).doesNotContain("herald-broker");
            a.start();
            b.start();

            String run = Long.toString(System.nanoTime(), 36);
            List<String> emails = new ArrayList<>();
            for (int i = 0; i < ADDRESSES; i++) {
                emails.add("node" + run + "-" + i + "@example.org");
            }
            try (JMSContext jms = new JmsConnectionFactory(HeraldContainer.ADMIN, HeraldContainer.ADMIN_PASSWORD,
                    "amqp://127.0.0.1:" + a.amqpPort).createContext()) {
                Queue in = jms.createQueue("herald.contacts.in");
                JMSProducer producer = jms.createProducer();
                for (int round = 0; round < 2; round++) {
                    for (int i = 0; i < ADDRESSES; i++) {
                        // the second round differs in case and adds a tag: an update racing the first round's create
                        String email = round == 0 ? emails.get(i) : emails.get(i).toUpperCase();
                        producer.send(in, "{\"email\":\"" + email + "\",\"tags\":[\"round" + round + "\"]}");
                    }
                    if (round == 0) {
                        HeraldContainer.await("node B consuming", Duration.ofSeconds(60), () -> contacts(database, run) > 20);
                        b.kill();
                    }
                }
                HeraldContainer.await("every address stored", Duration.ofSeconds(180),
                        () -> contacts(database, run) == ADDRESSES && tagged(database, run) == 2L * ADDRESSES);
                assertThat(contacts(database, run)).isEqualTo(ADDRESSES);
                Queue dlq = jms.createQueue("herald.contacts.dlq");
                try (var consumer = jms.createConsumer(dlq)) {
                    Message dead = consumer.receive(2000);
                    assertThat(dead).as("nothing dead-lettered").isNull();
                }
            }
            assertThat(a.admin("GET", "/herald/api/v1/contacts/" + emails.get(7), null).body())
                    .contains("round0", "round1");
        } finally {
            b.close();
            a.close();
            postgres.drop(database);
        }
    }

    private static long contacts(DataSource db, String run) {
        return count(db, "SELECT COUNT(*) FROM contact WHERE email_key LIKE 'node" + run + "-%'");
    }

    private static long tagged(DataSource db, String run) {
        return count(db, "SELECT COUNT(*) FROM contact_tag t JOIN contact c ON c.id = t.contact_id "
                + "WHERE c.email_key LIKE 'node" + run + "-%'");
    }

    private static long count(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
