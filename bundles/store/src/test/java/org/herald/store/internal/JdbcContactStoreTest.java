package org.herald.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.herald.common.ConflictException;
import org.herald.contacts.Channel;
import org.herald.contacts.Choice;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.FieldType;
import org.herald.contacts.ListText;
import org.herald.contacts.OptInStatus;
import org.herald.store.ContactFilter;
import org.herald.store.ContactRecord;
import org.herald.store.ContactStore;
import org.herald.store.ContactWrite;
import org.herald.store.DuplicateKeyException;
import org.herald.store.FieldRecord;
import org.herald.store.StaleRecordException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcContactStoreTest {

    private DataSource ds;
    private Stores store;
    private final Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @BeforeEach
    void setUp() {
        ds = Databases.fresh();
        store = Stores.open(ds);
    }

    @AfterEach
    void tearDown() {
        store.close();
        TestDatabases.drop(ds);
    }

    private ContactRecord contact(String id, String email, Map<String, Object> fields, Set<String> tags, Set<String> lists) {
        return new ContactRecord(0, id, email, email.toLowerCase(), OptInStatus.UNKNOWN, fields, tags, lists, true, now, now,
                null, 0);
    }

    private static String id(int n) {
        return String.format("%026d", n);
    }

    @Test
    void migrationsRunFromEmptyDatabaseAndReRunAppliesNothing() throws Exception {
        DataSource empty = Databases.fresh();
        Migrator migrator = new Migrator(empty, getClass().getClassLoader());
        assertThat(migrator.migrate()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(migrator.migrate()).isEmpty();
        try (Connection c = empty.getConnection()) {
            assertThat(Migrator.appliedVersions(c)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
            assertThat(Migrator.tableExists(c, "contact")).isTrue();
            assertThat(Migrator.tableExists(c, "consent_entry")).isTrue();
            assertThat(Migrator.tableExists(c, "contact_activity")).isTrue();
            assertThat(Migrator.tableExists(c, "segment_definition")).isTrue();
            assertThat(Migrator.tableExists(c, "engagement_snapshot")).isTrue();
            assertThat(Migrator.tableExists(c, "bounce")).isTrue();
            assertThat(Migrator.tableExists(c, "bounce_quarantine")).isTrue();
        }
        // a store started on an already migrated database works
        Stores second = Stores.open(ds);
        assertThat(second.fields().fields()).isEmpty();
        second.close();
        TestDatabases.drop(empty);
    }

    @Test
    void everyFieldTypeGetsATypedColumnAndValuesRoundTrip() {
        store.fields().createField(new FieldRecord("note", FieldType.TEXT, "Note", 1, true, null, now));
        store.fields().createField(new FieldRecord("age", FieldType.NUMBER, null, 2, true, null, now));
        store.fields().createField(new FieldRecord("spent", FieldType.DECIMAL, null, 3, true, null, now));
        store.fields().createField(new FieldRecord("birthday", FieldType.DATE, null, 4, true, null, now));
        store.fields().createField(new FieldRecord("vip", FieldType.BOOLEAN, null, 5, false, null, now));
        store.fields().createField(new FieldRecord("size", FieldType.CHOICE, null, 6, true,
                List.of(new Choice("s", Map.of("en", "Small"))), now));
        store.fields().createField(new FieldRecord("topics", FieldType.MULTICHOICE, null, 7, true,
                List.of(new Choice("a", null), new Choice("b", null)), now));
        store.fields().createField(new FieldRecord("phone", FieldType.PHONE, null, 8, true, null, now));
        assertThat(store.fields().fields()).extracting(FieldRecord::name)
                .containsExactly("note", "age", "spent", "birthday", "vip", "size", "topics", "phone");
        assertThat(store.fields().fields().get(5).choices()).containsExactly(new Choice("s", Map.of("en", "Small")));
        assertThatThrownBy(() -> store.fields().createField(new FieldRecord("age", FieldType.TEXT, null, 9, true, null, now)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'age' already exists");

        Map<String, Object> values = new HashMap<>();
        values.put("note", "hello, world");
        values.put("age", 42L);
        values.put("spent", new BigDecimal("12.5"));
        values.put("birthday", LocalDate.of(1990, 2, 28));
        values.put("vip", true);
        values.put("size", "s");
        values.put("topics", List.of("a", "b"));
        values.put("phone", "+3725551234");
        store.contacts().write(new ContactWrite(null, contact(id(1), "ann@example.com", values, Set.of(), Set.of()), List.of()));

        ContactRecord read = store.contacts().findByKey("ann@example.com").orElseThrow();
        assertThat(read.fields()).isEqualTo(values);
        // a new store instance reads the same definitions back from the database
        Stores again = Stores.open(ds);
        assertThat(again.contacts().findById(id(1)).orElseThrow().fields()).isEqualTo(values);
        again.close();
    }

    @Test
    void aFieldCreatedOrChangedOnOneNodeIsSeenByAnotherSharingTheDatabase() {
        Stores other = Stores.open(ds, java.time.Duration.ZERO);
        try {
            assertThat(other.fields().fields()).isEmpty();
            store.fields().createField(new FieldRecord("city", FieldType.TEXT, "City", 1, true, null, now));
            assertThat(other.fields().fields()).extracting(FieldRecord::name).containsExactly("city");

            other.contacts().write(new ContactWrite(null, contact(id(1), "ann@example.com", Map.of("city", "Tartu"), Set.of(), Set.of()),
                    List.of()));
            assertThat(store.contacts().findById(id(1)).orElseThrow().fields()).containsEntry("city", "Tartu");

            store.fields().updateField(new FieldRecord("city", FieldType.TEXT, "Town", 1, false, null, now));
            assertThat(other.fields().fields().get(0).label()).isEqualTo("Town");
            assertThat(other.fields().fields().get(0).visible()).isFalse();
        } finally {
            other.close();
        }
    }

    @Test
    void withinTheCheckIntervalANodeKeepsItsDefinitionsWithoutAskingTheDatabase() {
        Stores other = Stores.open(ds, java.time.Duration.ofHours(1));
        try {
            store.fields().createField(new FieldRecord("city", FieldType.TEXT, "City", 1, true, null, now));
            assertThat(other.fields().fields()).as("not compared yet").isEmpty();
            assertThat(store.fields().fields()).as("the node that made the change sees it at once").hasSize(1);
        } finally {
            other.close();
        }
    }

    @Test
    void bulkSessionWritesBatchesWithTagsListsAndLedgerAndFindsThemByKey() {
        store.fields().createField(new FieldRecord("age", FieldType.NUMBER, null, 1, true, null, now));
        store.lists().createList("news", now);
        List<ContactWrite> writes = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            ConsentEntry entry = new ConsentEntry(0, null, Channel.EMAIL, ConsentAction.LIST_SUBSCRIBED, null, null, "news",
                    ConsentSource.IMPORT, now, "admin", null, null, null, null);
            writes.add(new ContactWrite(null, contact(id(i), "c" + i + "@example.com", Map.of("age", (long) i),
                    Set.of("vip"), Set.of("news")), List.of(entry)));
        }
        List<String> keys = new ArrayList<>();
        try (ContactStore.BulkSession bulk = store.contacts().openBulk()) {
            bulk.write(writes);
            for (int i = 0; i < 2500; i += 2) {
                keys.add("c" + i + "@example.com");
            }
            keys.add("nobody@example.com");
            Map<String, ContactRecord> found = bulk.findByKeys(keys);
            assertThat(found).hasSize(1250);
            ContactRecord c10 = found.get("c10@example.com");
            assertThat(c10.fields()).containsEntry("age", 10L);
            assertThat(c10.tags()).containsExactly("vip");
            assertThat(c10.lists()).containsExactly("news");

            // update in a second batch: values, one tag off, list left
            List<ContactWrite> updates = new ArrayList<>();
            for (ContactRecord r : found.values()) {
                ContactRecord after = new ContactRecord(r.key(), r.id(), r.email(), r.emailKey(), OptInStatus.CONFIRMED,
                        Map.of("age", 1000L), Set.of(), Set.of(), r.monitored(), r.created(), now.plusSeconds(1), null,
                        r.version());
                updates.add(new ContactWrite(r, after, List.of()));
            }
            bulk.write(updates);
        }
        assertThat(store.contacts().count(ContactFilter.live())).isEqualTo(2500);
        assertThat(store.contacts().count(new ContactFilter(OptInStatus.CONFIRMED, null, null, null, false))).isEqualTo(1250);
        assertThat(store.contacts().count(new ContactFilter(null, "news", null, null, false))).isEqualTo(1250);
        assertThat(store.contacts().count(new ContactFilter(null, null, "vip", null, false))).isEqualTo(1250);
        assertThat(store.contacts().tagCounts()).containsExactly(new ContactStore.TagCount("vip", 1250));
        assertThat(store.lists().findList("news").orElseThrow().members()).isEqualTo(1250);
        ContactRecord c1 = store.contacts().findByKey("c1@example.com").orElseThrow();
        assertThat(store.contacts().consent(c1.key())).singleElement()
                .satisfies(e -> assertThat(e.list()).isEqualTo("news"))
                .satisfies(e -> assertThat(e.contactId()).isEqualTo(c1.id()));
        List<String> seen = new ArrayList<>();
        assertThat(store.contacts().forEach(ContactFilter.live(), r -> seen.add(r.email()))).isEqualTo(2500);
        assertThat(seen).doesNotHaveDuplicates().hasSize(2500);
    }

    @Test
    void bulkWritesKeepEveryValueAsWrittenOnEitherInsertPath() {
        // above ContactTable.COPY_FROM new contacts PostgreSQL takes them through COPY, below through a batch
        store.fields().createField(new FieldRecord("note", FieldType.TEXT, null, 1, true, null, now));
        store.fields().createField(new FieldRecord("age", FieldType.NUMBER, null, 2, true, null, now));
        store.fields().createField(new FieldRecord("spent", FieldType.DECIMAL, null, 3, true, null, now));
        store.fields().createField(new FieldRecord("birthday", FieldType.DATE, null, 4, true, null, now));
        store.fields().createField(new FieldRecord("vip", FieldType.BOOLEAN, null, 5, true, null, now));
        store.fields().createField(new FieldRecord("topics", FieldType.MULTICHOICE, null, 6, true,
                List.of(new Choice("a\\b", null), new Choice("c", null)), now));
        Instant created = Instant.parse("2026-03-29T01:30:00.123456Z");
        for (int size : new int[] {ContactTable.COPY_FROM + 10, 3}) {
            List<ContactWrite> writes = new ArrayList<>();
            List<Map<String, Object>> expected = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Map<String, Object> values = new HashMap<>();
                if (i % 3 != 0) { // every third row has no values at all
                    values.put("note", "tab\there, new\nline, back\\slash \\N, carriage\r, ünïcødé ✓ " + i);
                    values.put("age", (long) -i);
                    values.put("spent", new BigDecimal("12345678901234567890123.12345678"));
                    values.put("birthday", LocalDate.of(1900 + i, 1 + i % 12, 1 + i % 28));
                    values.put("vip", i % 2 == 0);
                    values.put("topics", List.of("a\\b", "c"));
                }
                expected.add(values);
                String email = "p" + size + "_" + i + "@example.com";
                writes.add(new ContactWrite(null, new ContactRecord(0, id(size * 1000 + i), email, email, OptInStatus.UNKNOWN,
                        values, Set.of(), Set.of(), i % 2 == 0, created, created.plusSeconds(i), null, 0), List.of()));
            }
            try (ContactStore.BulkSession bulk = store.contacts().openBulk()) {
                bulk.write(writes);
            }
            for (int i = 0; i < size; i++) {
                ContactRecord read = store.contacts().findByKey("p" + size + "_" + i + "@example.com").orElseThrow();
                assertThat(read.fields()).as("row %d of %d", i, size).isEqualTo(expected.get(i));
                assertThat(read.monitored()).isEqualTo(i % 2 == 0);
                assertThat(read.created()).isEqualTo(created);
                assertThat(read.updated()).isEqualTo(created.plusSeconds(i));
                assertThat(read.deletedAt()).isNull();
            }
        }
        // a duplicate among many new contacts is refused as in a small batch, and nothing of the batch stays
        List<ContactWrite> withDuplicate = new ArrayList<>();
        for (int i = 0; i < ContactTable.COPY_FROM + 5; i++) {
            String email = i == 7 ? "p3_1@example.com" : "dup" + i + "@example.com";
            withDuplicate.add(new ContactWrite(null, contact(id(900_000 + i), email, Map.of(), Set.of(), Set.of()), List.of()));
        }
        try (ContactStore.BulkSession bulk = store.contacts().openBulk()) {
            assertThatThrownBy(() -> bulk.write(withDuplicate)).isInstanceOf(DuplicateKeyException.class);
        }
        assertThat(store.contacts().findByKey("dup0@example.com")).isEmpty();
    }

    @Test
    void uniquenessKeyRefusesASecondContactInSingleAndBulkWrites() {
        store.contacts().write(new ContactWrite(null, contact(id(1), "ann@example.com", Map.of(), Set.of(), Set.of()), List.of()));
        assertThatThrownBy(() -> store.contacts().write(
                new ContactWrite(null, contact(id(2), "Ann@example.com", Map.of(), Set.of(), Set.of()), List.of())))
                .isInstanceOf(DuplicateKeyException.class);
        try (ContactStore.BulkSession bulk = store.contacts().openBulk()) {
            assertThatThrownBy(() -> bulk.write(List.of(
                    new ContactWrite(null, contact(id(3), "bob@example.com", Map.of(), Set.of(), Set.of()), List.of()),
                    new ContactWrite(null, contact(id(4), "ann@example.com", Map.of(), Set.of(), Set.of()), List.of()))))
                    .isInstanceOf(DuplicateKeyException.class);
        }
        // the failed batch was rolled back whole
        assertThat(store.contacts().findByKey("bob@example.com")).isEmpty();
        assertThat(store.contacts().count(ContactFilter.live())).isEqualTo(1);
    }

    @Test
    void updateOfAStaleRecordIsRefused() {
        ContactRecord stored = store.contacts().write(
                new ContactWrite(null, contact(id(1), "ann@example.com", Map.of(), Set.of(), Set.of()), List.of()));
        ContactRecord changed = new ContactRecord(stored.key(), stored.id(), stored.email(), stored.emailKey(),
                OptInStatus.PENDING, Map.of(), Set.of(), Set.of(), true, now, now.plusSeconds(1), null, stored.version());
        store.contacts().write(new ContactWrite(stored, changed, List.of()));
        assertThatThrownBy(() -> store.contacts().write(new ContactWrite(stored, changed, List.of())))
                .isInstanceOf(StaleRecordException.class);
    }

    @Test
    void purgeRemovesOnlyContactsDeletedBeforeTheCutoffAndEraseKeepsOnlyTheHash() {
        ContactRecord a = store.contacts().write(new ContactWrite(null, contact(id(1), "a@example.com", Map.of(), Set.of("x"), Set.of()),
                List.of()));
        ContactRecord b = store.contacts().write(new ContactWrite(null, contact(id(2), "b@example.com", Map.of(), Set.of(), Set.of()),
                List.of()));
        store.contacts().setDeleted(a.key(), now, now, null);
        store.contacts().setDeleted(b.key(), now.plusSeconds(3600), now, null);
        assertThat(store.contacts().count(ContactFilter.live())).isZero();
        assertThat(store.contacts().count(new ContactFilter(null, null, null, null, true))).isEqualTo(2);
        assertThat(store.contacts().purgeDeletedBefore(now.plusSeconds(60))).isEqualTo(1);
        assertThat(store.contacts().findById(id(1))).isEmpty();
        assertThat(store.contacts().findById(id(2))).isPresent();

        store.contacts().erase(b.key(), "h".repeat(64), now, null);
        assertThat(store.contacts().findById(id(2))).isEmpty();
        assertThat(store.suppression().isSuppressed("h".repeat(64))).isTrue();
        assertThat(store.suppression().suppressed(List.of("h".repeat(64), "g".repeat(64)))).containsExactly("h".repeat(64));
        store.suppression().liftSuppression("h".repeat(64));
        assertThat(store.suppression().isSuppressed("h".repeat(64))).isFalse();
    }

    @Test
    void listsKeepTextsPerLanguageAndRenameAndDelete() {
        store.lists().createList("news", now);
        assertThatThrownBy(() -> store.lists().createList("news", now)).isInstanceOf(ConflictException.class);
        store.lists().setListText("news", "en", new ListText("News", "Monthly news"));
        store.lists().setListText("news", "et", new ListText("Uudised", null));
        assertThat(store.lists().renameList("news", "updates").texts())
                .containsEntry("en", new ListText("News", "Monthly news")).containsKey("et");
        assertThat(store.lists().setListText("updates", "et", null).texts()).containsOnlyKeys("en");
        store.lists().deleteList("updates");
        assertThat(store.lists().lists()).isEmpty();
    }

    @Test
    void settingKeepsTheFirstValueStored() {
        assertThat(store.settings().setting("salt", "one")).isEqualTo("one");
        assertThat(store.settings().setting("salt", "two")).isEqualTo("one");
    }

    @Test
    void lookUpsDoNotWaitForAWriterHoldingTheContactRows() throws Exception {
        store.contacts().write(new ContactWrite(null, contact(id(1), "ann@example.com", Map.of(), Set.of(), Set.of()), List.of()));
        store.contacts().write(new ContactWrite(null, contact(id(2), "bob@example.com", Map.of(), Set.of(), Set.of()), List.of()));
        try (Connection writer = ds.getConnection()) {
            // a listener's transaction holds both rows, as scoring does while it updates them
            writer.setAutoCommit(false);
            try (var lock = writer.prepareStatement("UPDATE contact SET score = score")) {
                assertThat(lock.executeUpdate()).isEqualTo(2);
            }
            var lookUp = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> store.contacts().refsByEmailKeys(List.of("bob@example.com", "ann@example.com")));
            // a locking read would wait here for the writer's commit (the lock wait timeout)
            assertThat(lookUp.get(20, java.util.concurrent.TimeUnit.SECONDS)).containsOnlyKeys("ann@example.com", "bob@example.com");
            var byId = java.util.concurrent.CompletableFuture.supplyAsync(() -> store.contacts().refsByIds(List.of(id(1))));
            assertThat(byId.get(20, java.util.concurrent.TimeUnit.SECONDS)).containsOnlyKeys(id(1));
            writer.rollback();
        }
    }
}
