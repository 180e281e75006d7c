package org.herald.contacts.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herald.contacts.internal.TestBed.ADMIN;
import static org.herald.contacts.internal.TestBed.API;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.herald.common.NotFoundException;
import org.herald.common.Page;
import org.herald.common.ValidationException;
import org.herald.contacts.ContactInput;
import org.herald.contacts.FieldType;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.events.ContactEvent;
import org.herald.events.EventInput;
import org.herald.events.EventSummary;
import org.herald.events.EventTypes;
import org.herald.events.IngestReport;
import org.herald.events.IngestResult;
import org.herald.events.IngestResult.Outcome;
import org.herald.events.TimelineQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventServiceTest {

    private TestBed bed;

    @BeforeEach
    void setUp() {
        bed = new TestBed();
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private IngestResult one(EventInput in) {
        IngestReport report = bed.events.ingest(List.of(in), API);
        return report.results().get(0);
    }

    private List<ContactEvent> timeline(String contact) {
        return bed.events.timeline(contact, TimelineQuery.latest().withPage(0, 1000)).items();
    }

    private static List<String> types(List<ContactEvent> events) {
        return events.stream().map(ContactEvent::type).toList();
    }

    @Test
    void everyChangeHeraldMakesToAContactIsOnItsTimelineWithItsDetails() {
        bed.lists.create("news");
        bed.fields.create("city", FieldType.TEXT, null, null);
        bed.contacts.upsert(ContactInput.builder("ann@example.com").status(OptInStatus.PENDING).tag("vip").list("news")
                .field("city", "Tartu").build(), API);
        bed.contacts.update("ann@example.com", ContactInput.builder(null).status(OptInStatus.CONFIRMED)
                .field("city", "Tallinn").untag("vip").tag("beta").unsubscribe("news").monitored(false).build(), ADMIN);
        bed.contacts.update("ann@example.com", ContactInput.builder("ann.new@example.com").build(), ADMIN);
        bed.contacts.setStatus("ann.new@example.com", OptInStatus.UNSUBSCRIBED, ADMIN);
        bed.contacts.delete("ann.new@example.com", ADMIN);
        bed.contacts.restore("ann.new@example.com", ADMIN);

        List<ContactEvent> events = new ArrayList<>(timeline("ann.new@example.com"));
        java.util.Collections.reverse(events); // oldest first
        assertThat(types(events)).containsExactly(
                EventTypes.CREATED, EventTypes.STATUS_CHANGED, EventTypes.TAG_ADDED, EventTypes.LIST_JOINED,
                EventTypes.SUBSCRIBED, EventTypes.FIELD_CHANGED, EventTypes.MONITORING_CHANGED, EventTypes.TAG_ADDED,
                EventTypes.TAG_REMOVED, EventTypes.LIST_LEFT,
                EventTypes.EMAIL_CHANGED, EventTypes.UNSUBSCRIBED, EventTypes.DELETED, EventTypes.RESTORED);
        assertThat(events.get(1).properties()).containsEntry("from", "UNKNOWN").containsEntry("to", "PENDING");
        assertThat(events.get(5).properties()).containsEntry("field", "city").containsEntry("from", "Tartu")
                .containsEntry("to", "Tallinn");
        assertThat(events.get(5).source()).isEqualTo("MANAGE");
        assertThat(events.get(5).actor()).isEqualTo("admin");
        assertThat(events.get(0).source()).isEqualTo("API");
        // positions follow the order of the changes
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).sequence()).isGreaterThan(events.get(i - 1).sequence());
        }
    }

    @Test
    void aChangeThatFailsLeavesNoEventAndAnUnchangedUpsertWritesNone() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        long before = bed.rows("contact_event");
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder("ann@example.com").list("nosuchlist").build(), API))
                .isInstanceOf(ValidationException.class);
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        assertThat(bed.rows("contact_event")).isEqualTo(before);
    }

    @Test
    void anImportWritesTheEventsOfEveryRowInTheSameBatch() throws Exception {
        bed.lists.create("news");
        String csv = "email,tags\nann@example.com,vip\nbob@example.com,\n";
        bed.contacts.importCsv(new java.io.StringReader(csv), org.herald.contacts.ImportOptions.defaults().withLists(Set.of("news")),
                TestBed.IMPORT, null);
        assertThat(types(timeline("ann@example.com"))).containsExactlyInAnyOrder(EventTypes.CREATED, EventTypes.TAG_ADDED,
                EventTypes.LIST_JOINED);
        assertThat(timeline("bob@example.com")).allMatch(e -> e.source().equals("IMPORT"));
    }

    @Test
    void externalEventsAreStoredWithTheirPropertiesAndTheSameIdTwiceIsStoredOnce() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        Instant at = Instant.parse("2026-11-30T10:15:30Z");
        EventInput purchase = EventInput.builder(EventTypes.PURCHASE).id("order-1001").email("Ann@Example.com")
                .occurredAt(at).source("shop").property("value", new BigDecimal("49.90")).property("currency", "EUR")
                .property("items", List.of(Map.of("sku", "A-1", "quantity", 2L))).build();
        IngestResult first = one(purchase);
        assertThat(first.outcome()).isEqualTo(Outcome.STORED);
        assertThat(first.sequence()).isPositive();
        assertThat(first.id()).isEqualTo("order-1001");
        IngestResult again = one(purchase);
        assertThat(again.outcome()).isEqualTo(Outcome.DUPLICATE);
        // a repeat inside one batch is a duplicate too
        IngestReport batch = bed.events.ingest(List.of(
                EventInput.builder("webinar_attended").id("w-1").email("ann@example.com").build(),
                EventInput.builder("webinar_attended").id("w-1").email("ann@example.com").build()), API);
        assertThat(batch.results()).extracting(IngestResult::outcome).containsExactly(Outcome.STORED, Outcome.DUPLICATE);

        List<ContactEvent> purchases = bed.events.timeline("ann@example.com",
                TimelineQuery.latest().withTypes(Set.of(EventTypes.PURCHASE))).items();
        assertThat(purchases).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("order-1001");
            assertThat(e.occurredAt()).isEqualTo(at);
            assertThat(e.source()).isEqualTo("shop");
            assertThat(e.actor()).isEqualTo("api-user");
            assertThat(e.properties()).containsEntry("value", new BigDecimal("49.90")).containsEntry("currency", "EUR");
            assertThat(e.properties().get("items")).isEqualTo(List.of(Map.of("sku", "A-1", "quantity", 2)));
        });
    }

    @Test
    void badEventsAreRejectedOneByOneWithTheFieldAndTheGoodOnesStored() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        IngestReport report = bed.events.ingest(List.of(
                EventInput.builder(EventTypes.PAGE_VISIT).email("ann@example.com").property("url", "https://shop/a").build(),
                EventInput.builder(EventTypes.CREATED).email("ann@example.com").build(),
                EventInput.builder("Not A Type").email("ann@example.com").build(),
                EventInput.builder(EventTypes.PURCHASE).email("ann@example.com").build(),
                EventInput.builder(EventTypes.PURCHASE).email("ann@example.com").property("value", "lots").build(),
                EventInput.builder(EventTypes.PURCHASE).email("ann@example.com").property("value", 5).property("currency", "euro").build(),
                EventInput.builder(EventTypes.PAGE_VISIT).email("not-an-address").build(),
                EventInput.builder(EventTypes.PAGE_VISIT).build(),
                EventInput.builder(EventTypes.PAGE_VISIT).email("ann@example.com").occurredAt(Instant.now().plus(2, ChronoUnit.DAYS)).build(),
                EventInput.builder(EventTypes.PAGE_VISIT).email("ann@example.com").id("has spaces").build(),
                EventInput.builder(EventTypes.PAGE_VISIT).email("ann@example.com").property("blob", "x".repeat(20000)).build()), API);
        assertThat(report.results()).extracting(IngestResult::outcome).containsExactly(Outcome.STORED,
                Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED,
                Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED, Outcome.REJECTED);
        assertThat(report.results()).extracting(IngestResult::field).containsExactly(null, "type", "type",
                "properties.value", "properties.value", "properties.currency", "email", "email", "occurredAt", "id",
                "properties");
        assertThat(report.results().get(1).reason()).contains("written by Herald itself");
        assertThat(report.results().get(3).reason()).contains("needs 'properties.value'");
        assertThat(report.count(Outcome.STORED)).isEqualTo(1);
        assertThat(bed.events.timeline("ann@example.com", TimelineQuery.latest().withTypes(Set.of(EventTypes.PAGE_VISIT)))
                .items()).hasSize(1);
    }

    @Test
    void anEventForAnUnknownAddressCreatesNoContactUnlessItSaysSo() {
        IngestResult unknown = one(EventInput.builder(EventTypes.PAGE_VISIT).email("new@example.com").build());
        assertThat(unknown.outcome()).isEqualTo(Outcome.UNKNOWN_CONTACT);
        assertThat(bed.contacts.find("new@example.com")).isEmpty();

        IngestReport created = bed.events.ingest(List.of(
                EventInput.builder(EventTypes.PAGE_VISIT).email("new@example.com").createContact(true).build(),
                EventInput.builder(EventTypes.CART).email("NEW@example.com").createContact(true).build()), API);
        assertThat(created.results()).extracting(IngestResult::outcome).containsExactly(Outcome.STORED, Outcome.STORED);
        var contact = bed.contacts.get("new@example.com");
        assertThat(contact.status()).isEqualTo(OptInStatus.UNKNOWN);
        assertThat(created.results()).extracting(IngestResult::contactId).containsOnly(contact.id());
        assertThat(types(timeline(contact.id()))).containsExactlyInAnyOrder(EventTypes.CART, EventTypes.PAGE_VISIT, EventTypes.CREATED);
        assertThat(one(EventInput.builder(EventTypes.PAGE_VISIT).contactId("nosuchid").build()).outcome())
                .isEqualTo(Outcome.UNKNOWN_CONTACT);
    }

    @Test
    void stopMonitoringStopsRecordingActivityButNotChanges() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").monitored(false).build(), API);
        assertThat(one(EventInput.builder(EventTypes.PAGE_VISIT).email("ann@example.com").build()).outcome())
                .isEqualTo(Outcome.IGNORED);
        assertThat(one(EventInput.builder("webinar_attended").email("ann@example.com").build()).outcome())
                .isEqualTo(Outcome.IGNORED);
        bed.contacts.addTags("ann@example.com", List.of("vip"), ADMIN);
        assertThat(types(timeline("ann@example.com"))).containsExactly(EventTypes.TAG_ADDED, EventTypes.CREATED);
        bed.contacts.setMonitored("ann@example.com", true, ADMIN);
        assertThat(one(EventInput.builder(EventTypes.PAGE_VISIT).email("ann@example.com").build()).outcome())
                .isEqualTo(Outcome.STORED);
    }

    @Test
    void forgetMeErasesTheEventsAndLeavesOnlyTheForgottenEventWithoutTheAddress() {
        var ann = bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API).contact();
        one(EventInput.builder(EventTypes.PAGE_VISIT).email("ann@example.com").property("url", "https://x").build());
        bed.contacts.forget("ann@example.com", ADMIN);
        assertThat(bed.rows("contact_event")).isEqualTo(1);
        List<ContactEvent> rest = bed.stores.events().after(0, Long.MAX_VALUE, Set.of(), 10);
        assertThat(rest).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventTypes.FORGOTTEN);
            assertThat(e.contactId()).isEqualTo(ann.id());
            assertThat(e.properties()).isEmpty();
        });
        assertThatThrownBy(() -> bed.events.timeline(ann.id(), TimelineQuery.latest())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theTimelineIsNewestFirstFilteredByTypeAndTimeAndPaged() {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").build(), API);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        List<EventInput> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            batch.add(EventInput.builder(i % 2 == 0 ? EventTypes.PAGE_VISIT : EventTypes.CART).email("ann@example.com")
                    .occurredAt(base.plus(i, ChronoUnit.DAYS)).build());
        }
        assertThat(bed.events.ingest(batch, API).allFinal()).isTrue();
        Page<ContactEvent> page = bed.events.timeline("ann@example.com",
                TimelineQuery.latest().withTypes(Set.of(EventTypes.PAGE_VISIT)).withSince(base.plus(10, ChronoUnit.DAYS))
                        .withUntil(base.plus(20, ChronoUnit.DAYS)).withPage(1, 3));
        assertThat(page.total()).isEqualTo(5); // days 10, 12, 14, 16, 18
        assertThat(page.items()).extracting(ContactEvent::occurredAt).containsExactly(base.plus(16, ChronoUnit.DAYS),
                base.plus(14, ChronoUnit.DAYS), base.plus(12, ChronoUnit.DAYS));
        assertThatThrownBy(() -> bed.events.timeline("ann@example.com", TimelineQuery.latest().withPage(0, 5000)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'limit'");

        EventSummary summary = bed.events.summary("ann@example.com");
        assertThat(summary.total()).isEqualTo(31);
        assertThat(summary.countsByType()).containsEntry(EventTypes.PAGE_VISIT, 15L).containsEntry(EventTypes.CART, 15L)
                .containsEntry(EventTypes.CREATED, 1L);
        assertThat(summary.lastActivity()).isEqualTo(base.plus(29, ChronoUnit.DAYS));
        assertThat(summary.latest()).hasSize(5);
    }

    @Test
    void anOversizedBatchIsRefusedWhole() {
        List<EventInput> batch = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            batch.add(EventInput.builder(EventTypes.PAGE_VISIT).email("a" + i + "@example.com").build());
        }
        assertThatThrownBy(() -> bed.events.ingest(batch, API)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("at most 1000");
    }
}
