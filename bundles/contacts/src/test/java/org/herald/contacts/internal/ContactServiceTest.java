package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herald.contacts.internal.TestBed.ADMIN;
import static org.herald.contacts.internal.TestBed.API;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.herald.common.ConflictException;
import org.herald.common.NotFoundException;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.Choice;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactExport;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.FieldType;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.ImportProgress;
import org.herald.contacts.ImportReport;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.TagService;
import org.herald.contacts.UpsertResult;
import org.herald.contacts.UpsertResult.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ContactServiceTest {

    private final TestBed bed = new TestBed();

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private UpsertResult upsert(ContactInput.Builder b, ChangeContext ctx) {
        return bed.contacts.upsert(b.build(), ctx);
    }

    @Test
    void upsertCreatesOncePerAddressAndUpdatesOnCaseVariants() {
        UpsertResult first = upsert(ContactInput.builder("  Ann.Lee@Example.COM "), API);
        assertThat(first.outcome()).isEqualTo(Outcome.CREATED);
        assertThat(first.contact().email()).isEqualTo("Ann.Lee@example.com");
        assertThat(first.contact().id()).matches("[a-z2-7]{26}");
        assertThat(first.contact().status()).isEqualTo(OptInStatus.UNKNOWN);

        assertThat(upsert(ContactInput.builder("ann.lee@example.com"), API).outcome()).isEqualTo(Outcome.UNCHANGED);
        UpsertResult second = upsert(ContactInput.builder("ANN.LEE@EXAMPLE.COM").tag("vip"), API);
        assertThat(second.outcome()).isEqualTo(Outcome.UPDATED);
        assertThat(second.contact().id()).isEqualTo(first.contact().id());
        assertThat(bed.contacts.count(ContactQuery.all())).isEqualTo(1);
        assertThat(bed.contacts.get(first.contact().id()).tags()).containsExactly("vip");
        assertThat(bed.contacts.get("ann.lee@EXAMPLE.com").id()).isEqualTo(first.contact().id());
    }

    @Test
    void caseSensitiveLocalPartKeepsCaseVariantsApartButNotTheDomain() {
        try (TestBed sensitive = new TestBed(true, 1000)) {
            sensitive.contacts.upsert(ContactInput.builder("Ann@Example.com").build(), API);
            assertThat(sensitive.contacts.upsert(ContactInput.builder("ann@example.com").build(), API).outcome())
                    .isEqualTo(Outcome.CREATED);
            assertThat(sensitive.contacts.upsert(ContactInput.builder("Ann@EXAMPLE.com").build(), API).outcome())
                    .isEqualTo(Outcome.UNCHANGED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "annexample.com", "ann@example", "Ann Lee <ann@example.com>", "ann lee@example.com",
            "ann@@example.com", "<ann@example.com>", "ann@.com"})
    void invalidAddressesAreRefusedNamingTheValue(String address) {
        assertThatThrownBy(() -> upsert(ContactInput.builder(address), API))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.getMessage()).startsWith("email:");
                });
        assertThat(bed.contacts.count(ContactQuery.all())).isZero();
    }

    @Test
    void fieldValuesAreValidatedPerTypeAndTheErrorNamesFieldAndValue() {
        bed.fields.create("age", FieldType.NUMBER, null, null);
        bed.fields.create("spent", FieldType.DECIMAL, null, null);
        bed.fields.create("birthday", FieldType.DATE, null, null);
        bed.fields.create("vip", FieldType.BOOLEAN, null, null);
        bed.fields.create("size", FieldType.CHOICE, null, List.of(new Choice("s", null), new Choice("m", null)));
        bed.fields.create("topics", FieldType.MULTICHOICE, null, List.of(new Choice("news", null), new Choice("tips", null)));
        bed.fields.create("phone", FieldType.PHONE, null, null);
        bed.fields.create("note", FieldType.TEXT, null, null);
        Map<String, Object> bad = Map.of("age", "12x", "spent", "1,5", "birthday", "2023-02-30", "vip", "maybe",
                "size", "xl", "topics", "news|gossip", "phone", "call me", "note", "x".repeat(4001));
        bad.forEach((field, value) -> assertThatThrownBy(
                () -> upsert(ContactInput.builder("ann@example.com").field(field, value), API))
                .as(field).isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains("field '" + field + "'");
                    if (!field.equals("note")) {
                        assertThat(e.getMessage()).contains((String) value);
                    }
                }));
        assertThatThrownBy(() -> upsert(ContactInput.builder("ann@example.com").field("age", "99999999999999999999"), API))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> upsert(ContactInput.builder("ann@example.com").field("phone", "+1 23"), API))
                .hasMessageContaining("6 to 15");
        assertThatThrownBy(() -> upsert(ContactInput.builder("ann@example.com").field("shoe", "42"), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("unknown field 'shoe'").hasMessageContaining("age");
        assertThat(bed.contacts.count(ContactQuery.all())).isZero();
    }

    @Test
    void fieldValuesAreStoredNormalisedAndANullClears() {
        bed.fields.create("age", FieldType.NUMBER, null, null);
        bed.fields.create("spent", FieldType.DECIMAL, null, null);
        bed.fields.create("birthday", FieldType.DATE, null, null);
        bed.fields.create("vip", FieldType.BOOLEAN, null, null);
        bed.fields.create("size", FieldType.CHOICE, null, List.of(new Choice("S", null), new Choice("M", null)));
        bed.fields.create("topics", FieldType.MULTICHOICE, null, List.of(new Choice("news", null), new Choice("tips", null)));
        bed.fields.create("phone", FieldType.PHONE, null, null);
        Contact c = upsert(ContactInput.builder("ann@example.com").field("age", "-42").field("spent", "12.50")
                .field("birthday", "1990-02-28").field("vip", "Yes").field("size", "s").field("topics", "tips | news")
                .field("phone", "+372 (555) 12-34"), API).contact();
        assertThat(c.fields()).containsEntry("age", -42L).containsEntry("spent", new BigDecimal("12.5"))
                .containsEntry("birthday", "1990-02-28").containsEntry("vip", true).containsEntry("size", "S")
                .containsEntry("topics", List.of("news", "tips")).containsEntry("phone", "+3725551234");
        // JSON-typed input (REST, queue) gives the same values: no change
        assertThat(upsert(ContactInput.builder("ann@example.com").field("age", -42).field("vip", true)
                .field("topics", List.of("news", "tips")).field("spent", new BigDecimal("12.500")), API).outcome())
                .isEqualTo(Outcome.UNCHANGED);
        Contact cleared = upsert(ContactInput.builder("ann@example.com").field("age", null), API).contact();
        assertThat(cleared.fields()).doesNotContainKey("age").containsKey("spent");
    }

    @Test
    void systemValuesAreReadOnlyThroughInput() {
        assertThatThrownBy(() -> upsert(ContactInput.builder("ann@example.com").field("score", 10), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("system value").hasMessageContaining("score");
        assertThatThrownBy(() -> upsert(ContactInput.builder("ann@example.com").field("ORDER_SUMMARY", "10"), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("read-only");
    }

    @Test
    void everyStatusAndListChangeAppendsALedgerEntryWithSourceAndActor() {
        bed.lists.create("news");
        ChangeContext form = new ChangeContext(ConsentSource.FORM, "web", "203.0.113.7", "Firefox", "signup", "v3");
        Contact c = upsert(ContactInput.builder("ann@example.com").status(OptInStatus.PENDING).list("news"), form).contact();
        bed.contacts.setStatus(c.id(), OptInStatus.CONFIRMED, ChangeContext.api("crm"));
        bed.contacts.unsubscribe(c.id(), "news", ChangeContext.manage("alice"));
        bed.contacts.subscribe(c.id(), "news", ChangeContext.manage("alice"));
        bed.contacts.setStatus(c.id(), OptInStatus.UNSUBSCRIBED, new ChangeContext(ConsentSource.MESSAGE, "link", null, null,
                null, null));
        // no change, no entry
        bed.contacts.setStatus(c.id(), OptInStatus.UNSUBSCRIBED, ADMIN);
        bed.contacts.subscribe(c.id(), "news", ADMIN);

        List<ConsentEntry> ledger = bed.contacts.consentHistory("ann@example.com");
        assertThat(ledger).extracting(ConsentEntry::action, ConsentEntry::fromStatus, ConsentEntry::toStatus,
                ConsentEntry::list, ConsentEntry::source, ConsentEntry::actor).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ConsentAction.STATUS_CHANGED, OptInStatus.UNKNOWN,
                                OptInStatus.PENDING, null, ConsentSource.FORM, "web"),
                        org.assertj.core.groups.Tuple.tuple(ConsentAction.LIST_SUBSCRIBED, null, null, "news",
                                ConsentSource.FORM, "web"),
                        org.assertj.core.groups.Tuple.tuple(ConsentAction.STATUS_CHANGED, OptInStatus.PENDING,
                                OptInStatus.CONFIRMED, null, ConsentSource.API, "crm"),
                        org.assertj.core.groups.Tuple.tuple(ConsentAction.LIST_UNSUBSCRIBED, null, null, "news",
                                ConsentSource.MANAGE, "alice"),
                        org.assertj.core.groups.Tuple.tuple(ConsentAction.LIST_SUBSCRIBED, null, null, "news",
                                ConsentSource.MANAGE, "alice"),
                        org.assertj.core.groups.Tuple.tuple(ConsentAction.STATUS_CHANGED, OptInStatus.CONFIRMED,
                                OptInStatus.UNSUBSCRIBED, null, ConsentSource.MESSAGE, "link"));
        ConsentEntry proof = ledger.get(0);
        assertThat(proof.ip()).isEqualTo("203.0.113.7");
        assertThat(proof.userAgent()).isEqualTo("Firefox");
        assertThat(proof.formId()).isEqualTo("signup");
        assertThat(proof.consentTextVersion()).isEqualTo("v3");
        assertThat(proof.contactId()).isEqualTo(c.id());
        assertThat(proof.at()).isNotNull();
    }

    @Test
    void unsubscribedContactIsNotReconfirmedByAdminOrApiButByItsOwnOptIn() {
        Contact c = upsert(ContactInput.builder("ann@example.com").status(OptInStatus.UNSUBSCRIBED), API).contact();
        for (ChangeContext ctx : List.of(ADMIN, API, TestBed.IMPORT)) {
            for (OptInStatus to : List.of(OptInStatus.CONFIRMED, OptInStatus.PENDING)) {
                assertThatThrownBy(() -> bed.contacts.setStatus(c.id(), to, ctx)).isInstanceOf(ConflictException.class)
                        .hasMessageContaining("only the contact's own opt-in");
                assertThatThrownBy(() -> upsert(ContactInput.builder("ann@example.com").status(to), ctx))
                        .isInstanceOf(ConflictException.class);
            }
        }
        assertThat(bed.contacts.get(c.id()).status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(bed.contacts.setStatus(c.id(), OptInStatus.INACTIVE, ADMIN).status()).isEqualTo(OptInStatus.INACTIVE);
        assertThatThrownBy(() -> bed.contacts.setStatus(c.id(), OptInStatus.UNKNOWN, ADMIN))
                .hasMessageContaining("UNKNOWN");
        ChangeContext form = new ChangeContext(ConsentSource.FORM, "web", null, null, "signup", "v1");
        assertThat(bed.contacts.setStatus(c.id(), OptInStatus.PENDING, form).status()).isEqualTo(OptInStatus.PENDING);
        assertThatThrownBy(() -> bed.contacts.setStatus(c.id(), OptInStatus.UNKNOWN, form))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void changingTheAddressOntoAnotherContactsIsAConflict() {
        Contact ann = upsert(ContactInput.builder("ann@example.com"), API).contact();
        upsert(ContactInput.builder("bob@example.com"), API);
        assertThatThrownBy(() -> bed.contacts.update(ann.id(), ContactInput.builder("BOB@example.com").build(), ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("BOB@example.com")
                .hasMessageContaining("another contact");
        Contact moved = bed.contacts.update(ann.id(), ContactInput.builder("ann.new@example.com").build(), ADMIN);
        assertThat(moved.email()).isEqualTo("ann.new@example.com");
        assertThat(bed.contacts.find("ann@example.com")).isEmpty();
        assertThat(bed.contacts.get("ann.new@example.com").id()).isEqualTo(ann.id());
    }

    @Test
    void softDeleteHidesTheContactRestoreBringsItBackAndPurgeRemovesIt() {
        Contact ann = upsert(ContactInput.builder("ann@example.com").tag("x"), API).contact();
        Contact bob = upsert(ContactInput.builder("bob@example.com"), API).contact();
        assertThat(bed.contacts.delete("ann@example.com", ADMIN).deletedAt()).isNotNull();
        assertThat(bed.contacts.find(ann.id())).isEmpty();
        assertThat(bed.contacts.count(ContactQuery.all())).isEqualTo(1);
        assertThat(bed.contacts.list(new ContactQuery(null, null, null, null, true, 0, 10)).items())
                .extracting(Contact::id).containsExactly(ann.id());
        assertThat(bed.tags.tags()).isEmpty();
        assertThatThrownBy(() -> upsert(ContactInput.builder("ANN@example.com"), API))
                .isInstanceOf(ConflictException.class).hasMessageContaining("restore it");
        assertThatThrownBy(() -> bed.contacts.update(bob.id(), ContactInput.builder("ann@example.com").build(), ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("deleted contact");
        // reading or changing it says that it is deleted and how to bring it back
        for (String ref : List.of(ann.id(), "ann@example.com")) {
            assertThatThrownBy(() -> bed.contacts.get(ref)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("contact " + ann.id() + " ann@example.com was deleted at")
                    .hasMessageContaining("contact-restore " + ann.id())
                    .hasMessageContaining("POST /contacts/" + ann.id() + "/restore").hasMessageContaining("02:00");
        }
        assertThatThrownBy(() -> bed.contacts.addTags(ann.id(), List.of("y"), ADMIN)).hasMessageContaining("was deleted");

        Contact restored = bed.contacts.restore("ann@example.com", ADMIN);
        assertThat(restored.deletedAt()).isNull();
        assertThat(bed.contacts.get(ann.id()).tags()).containsExactly("x");

        bed.contacts.delete(ann.id(), ADMIN);
        assertThat(bed.contacts.purgeDeleted(Instant.now().minusSeconds(3600))).isZero();
        assertThat(bed.contacts.purgeDeleted(Instant.now().plusSeconds(1))).isEqualTo(1);
        assertThatThrownBy(() -> bed.contacts.restore(ann.id(), ADMIN)).isInstanceOf(NotFoundException.class);
        assertThat(upsert(ContactInput.builder("ann@example.com"), API).outcome()).isEqualTo(Outcome.CREATED);
    }

    @Test
    void forgetLeavesOnlyTheSuppressionHashAndBlocksAdminChannels() throws Exception {
        bed.lists.create("news");
        bed.fields.create("city", FieldType.TEXT, null, null);
        Contact ann = upsert(ContactInput.builder("ann@example.com").field("city", "Tartu").tag("vip").list("news")
                .status(OptInStatus.CONFIRMED), API).contact();
        bed.contacts.forget("ann@example.com", ADMIN);

        assertThat(bed.contacts.find(ann.id())).isEmpty();
        assertThat(bed.contacts.list(new ContactQuery(null, null, null, null, true, 0, 10)).items()).isEmpty();
        assertThat(bed.tags.tags()).isEmpty();
        assertThat(bed.lists.get("news").members()).isZero();
        assertThat(bed.contacts.isSuppressed("Ann@Example.com")).isTrue();
        for (String table : List.of("contact", "contact_tag", "list_member", "consent_entry")) {
            assertThat(bed.rows(table)).as(table).isZero();
        }
        assertThat(bed.rows("suppression")).isEqualTo(1);
        assertThatThrownBy(() -> upsert(ContactInput.builder("ann@example.com"), ADMIN))
                .isInstanceOf(ConflictException.class).hasMessageContaining("erased at the contact's request");
        ImportReport report = bed.contacts.importCsv(new StringReader("email\nann@example.com\nbob@example.com\n"),
                ImportOptions.defaults(), TestBed.IMPORT, ImportProgress.NONE);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.reason()).contains("erased at the contact's request");
        });
        // the contact's own subscription lifts it
        ChangeContext form = new ChangeContext(ConsentSource.FORM, "web", null, null, "signup", "v1");
        assertThat(upsert(ContactInput.builder("ann@example.com").status(OptInStatus.PENDING), form).outcome())
                .isEqualTo(Outcome.CREATED);
        assertThat(bed.contacts.isSuppressed("ann@example.com")).isFalse();
        assertThat(bed.contacts.consentHistory("ann@example.com")).hasSize(1);
    }

    @Test
    void exportContainsEverythingAboutTheContact() throws Exception {
        bed.lists.create("news");
        bed.fields.create("city", FieldType.TEXT, null, null);
        bed.fields.create("topics", FieldType.MULTICHOICE, null, List.of(new Choice("a", null), new Choice("b", null)));
        upsert(ContactInput.builder("ann@example.com").field("city", "Tartu, \"old town\"").field("topics", "a|b")
                .tag("vip").list("news").status(OptInStatus.CONFIRMED), API);
        upsert(ContactInput.builder("bob@example.com").status(OptInStatus.UNSUBSCRIBED), API);

        ContactExport export = bed.contacts.export("ann@example.com");
        assertThat(export.contact().fields()).containsEntry("city", "Tartu, \"old town\"");
        assertThat(export.contact().tags()).containsExactly("vip");
        assertThat(export.contact().lists()).containsExactly("news");
        assertThat(export.consent()).hasSize(2);
        assertThat(export.exportedAt()).isNotNull();

        StringWriter csv = new StringWriter();
        assertThat(bed.contacts.exportCsv(csv, ContactQuery.all())).isEqualTo(2);
        assertThat(csv.toString()).startsWith("id,email,status,city,topics,tags,lists,monitored,created,updated,score,ORDER_NUMBER,ORDER_SUMMARY,ORDER_AVG\r\n")
                .contains("ann@example.com,CONFIRMED,\"Tartu, \"\"old town\"\"\",a|b,vip,news,true,");
        StringWriter filtered = new StringWriter();
        assertThat(bed.contacts.exportCsv(filtered, new ContactQuery(OptInStatus.UNSUBSCRIBED, null, null, null, false, 0, 1)))
                .isEqualTo(1);

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        assertThat(bed.contacts.exportJson(json, ContactQuery.all())).isEqualTo(2);
        JsonNode array = new ObjectMapper().readTree(json.toString(StandardCharsets.UTF_8));
        assertThat(array).hasSize(2);
        JsonNode ann = array.get(0);
        assertThat(ann.get("email").asText()).isEqualTo("ann@example.com");
        assertThat(ann.get("fields").get("topics").get(1).asText()).isEqualTo("b");
        assertThat(ann.get("lists").get(0).asText()).isEqualTo("news");
        assertThat(ann.get("id").asText()).isEqualTo(export.contact().id());

        // the exported CSV imports back unchanged
        ImportReport again = bed.contacts.importCsv(new StringReader(csv.toString()), ImportOptions.defaults(),
                TestBed.IMPORT, ImportProgress.NONE);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.rejected()).isZero();
    }

    @Test
    void tagsAreNormalisedAddedRemovedAndCounted() {
        Contact ann = upsert(ContactInput.builder("ann@example.com").tag(" VIP ", "Region:North"), API).contact();
        upsert(ContactInput.builder("bob@example.com").tag("vip"), API);
        assertThat(ann.tags()).containsExactlyInAnyOrder("vip", "region:north");
        assertThat(bed.tags.tags()).containsExactly(new TagService.TagCount("region:north", 1), new TagService.TagCount("vip", 2));
        assertThat(bed.contacts.removeTags(ann.id(), List.of("Vip"), ADMIN).tags()).containsExactly("region:north");
        assertThatThrownBy(() -> bed.contacts.addTags(ann.id(), List.of("no/slash"), ADMIN))
                .isInstanceOf(ValidationException.class).hasMessageContaining("no/slash");
        assertThatThrownBy(() -> bed.contacts.addTags(ann.id(), List.of("x".repeat(65)), ADMIN))
                .isInstanceOf(ValidationException.class);
        assertThat(bed.contacts.count(new ContactQuery(null, null, "VIP", null, false, 0, 10))).isEqualTo(1);
    }

    @Test
    void listAndCountFilterByStatusListTagAndSearchWithPaging() {
        bed.lists.create("news");
        for (int i = 0; i < 25; i++) {
            upsert(ContactInput.builder("user" + i + "@example.com").status(i % 2 == 0 ? OptInStatus.CONFIRMED : null)
                    .list(i < 5 ? new String[] {"news"} : new String[0]), API);
        }
        assertThat(bed.contacts.count(new ContactQuery(OptInStatus.CONFIRMED, null, null, null, false, 0, 10))).isEqualTo(13);
        assertThat(bed.contacts.count(new ContactQuery(null, "news", null, null, false, 0, 10))).isEqualTo(5);
        assertThat(bed.contacts.count(new ContactQuery(null, null, null, "USER1", false, 0, 10))).isEqualTo(11);
        assertThat(bed.contacts.count(new ContactQuery(null, null, null, "_", false, 0, 10))).isZero();
        var page = bed.contacts.list(ContactQuery.all().page(20, 10));
        assertThat(page.total()).isEqualTo(25);
        assertThat(page.items()).hasSize(5).extracting(Contact::email).first().isEqualTo("user20@example.com");
        assertThatThrownBy(() -> upsert(ContactInput.builder("x@example.com").list("nope"), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("list 'nope' does not exist");
    }

    @Test
    void monitoringCanBeTurnedOff() {
        Contact ann = upsert(ContactInput.builder("ann@example.com"), API).contact();
        assertThat(ann.monitored()).isTrue();
        assertThat(bed.contacts.setMonitored(ann.id(), false, ADMIN).monitored()).isFalse();
        assertThat(bed.contacts.get(ann.id()).monitored()).isFalse();
    }
}
