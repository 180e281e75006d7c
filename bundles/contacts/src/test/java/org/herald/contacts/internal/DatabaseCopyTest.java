package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herald.contacts.internal.TestBed.API;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.FieldType;
import org.herald.contacts.internal.events.ScoringConfig;
import org.herald.events.EventInput;
import org.herald.events.TimelineQuery;
import org.herald.store.StoreException;
import org.herald.store.internal.DatabaseCopy;
import org.herald.store.internal.PostgresTestServer;
import org.herald.store.internal.TestDatabases;
import org.junit.jupiter.api.Test;

/**
 * Moving a Derby database to PostgreSQL ({@code bin/herald-db-copy}): everything arrives, and Herald
 * goes on working on the copy (new keys, list ids, ledger ids and log positions follow the copied ones).
 * Uses both databases in every run.
 */
class DatabaseCopyTest {

    @Test
    void aDerbyDatabaseCopiedToPostgresqlWorksAsBefore() {
        DataSource derby = TestDatabases.derby("copy");
        DataSource postgres = PostgresTestServer.get().freshDatabase();
        Contact ann;
        try (TestBed before = new TestBed(derby, ContactsConfigs.defaults(), Configs.defaults(ScoringConfig.class))) {
            before.fields.create("city", FieldType.TEXT, "City", null);
            before.fields.create("age", FieldType.NUMBER, null, null);
            before.lists.create("news");
            before.lists.setText("news", "en", "News", "Monthly news");
            ann = before.contacts.upsert(ContactInput.builder("ann@example.com").field("city", "Tartu").field("age", 41L)
                    .tag("vip").list("news").build(), API).contact();
            for (int i = 0; i < 30; i++) {
                before.contacts.upsert(ContactInput.builder("c" + i + "@example.com").list("news").build(), API);
            }
            before.events.ingest(List.of(EventInput.builder("webinar_attended").id("w-1").email("ann@example.com").build()), API);
            before.contacts.delete("c0@example.com", API);
        }

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Map<String, Long> copied = new DatabaseCopy(derby, postgres, new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        assertThat(copied).containsEntry("contact", 31L).containsEntry("mailing_list", 1L).containsKey("contact_event");
        assertThat(copied.keySet()).containsSubsequence("mailing_list", "list_member").containsSubsequence("contact", "contact_tag");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("contact_event");

        try (TestBed after = new TestBed(postgres, ContactsConfigs.defaults(), Configs.defaults(ScoringConfig.class))) {
            Contact copy = after.contacts.get("ann@example.com");
            assertThat(copy.id()).isEqualTo(ann.id());
            assertThat(copy.fields()).isEqualTo(Map.of("city", "Tartu", "age", 41L));
            assertThat(copy.tags()).containsExactly("vip");
            assertThat(copy.lists()).containsExactly("news");
            assertThat(after.contacts.consentHistory(copy.id())).isNotEmpty();
            assertThat(after.events.timeline("ann@example.com", TimelineQuery.latest().withPage(0, 100)).items())
                    .extracting(e -> e.type()).containsExactly("webinar_attended", "list_joined", "tag_added", "created");
            assertThat(after.contacts.count(ContactQuery.all())).isEqualTo(30);
            assertThat(after.lists.get("news").texts()).containsKey("en");

            // Herald goes on: new contacts, lists, ledger entries and events get keys after the copied ones
            after.lists.create("offers");
            Contact bob = after.contacts.upsert(ContactInput.builder("bob@example.com").list("offers", "news").build(), API)
                    .contact();
            assertThat(after.contacts.get(bob.id()).lists()).containsExactlyInAnyOrder("offers", "news");
            after.events.ingest(List.of(EventInput.builder("webinar_attended").id("w-2").email("bob@example.com").build()), API);
            assertThat(after.contacts.count(ContactQuery.all())).isEqualTo(31);
            after.fields.create("vip", FieldType.BOOLEAN, null, null);
        }
        // a second copy into the same database is refused: the target must be new
        assertThatThrownBy(() -> new DatabaseCopy(derby, postgres, new PrintStream(new ByteArrayOutputStream())).run())
                .isInstanceOf(StoreException.class).hasMessageContaining("not empty");
        TestDatabases.drop(derby);
        PostgresTestServer.get().drop(postgres);
    }
}
