package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herald.contacts.internal.TestBed.ADMIN;
import static org.herald.contacts.internal.TestBed.API;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.herald.common.ConflictException;
import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.ConsentAction;
import org.herald.contacts.ConsentEntry;
import org.herald.contacts.ConsentSource;
import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.ContactQuery;
import org.herald.contacts.FieldType;
import org.herald.contacts.ImportOptions;
import org.herald.contacts.ImportProgress;
import org.herald.contacts.ImportReport;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.UpsertResult.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The input rules of issue 14 on the real database: addresses, text values, the tag cap and the
 * consent rule for list memberships, through single changes and imports alike. One bed for the
 * class: every test uses its own addresses and lists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InputRulesTest {

    private static final ChangeContext MESSAGE = ChangeContext.builder(ConsentSource.MESSAGE).actor("link").build();
    private static final ChangeContext FORM = ChangeContext.builder(ConsentSource.FORM).actor("web").formId("signup").build();
    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestBed bed;

    @BeforeAll
    void start() {
        bed = new TestBed(ContactsConfigs.of(false, "02:00", 1000, 3));
        bed.fields.create("note", FieldType.TEXT, null, null);
    }

    @AfterAll
    void stop() {
        bed.close();
    }

    private static String unique(String local) {
        return local + SEQ.incrementAndGet() + "@example.com";
    }

    private String list() {
        String name = "l" + SEQ.incrementAndGet();
        bed.lists.create(name);
        return name;
    }

    private ImportReport load(String csv, ChangeContext who) throws IOException {
        return bed.contacts.importCsv(new StringReader(csv), ImportOptions.defaults(), who, ImportProgress.NONE);
    }

    // ---- addresses

    @Test
    void anAddressTypedPrecomposedOrWithACombiningAccentIsOneContact() {
        String n = String.valueOf(SEQ.incrementAndGet());
        String precomposed = "jos\u00e9" + n + "@example.com";
        String combining = "jose\u0301" + n + "@example.com";
        Contact c = bed.contacts.upsert(ContactInput.builder(precomposed).build(), API).contact();
        assertThat(bed.contacts.upsert(ContactInput.builder(combining).build(), API).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(bed.contacts.upsert(ContactInput.builder("JOSE\u0301" + n + "@Example.com").build(), API).contact().id())
                .isEqualTo(c.id());
        assertThat(bed.contacts.get(combining).id()).isEqualTo(c.id());

        // stored in NFC, the form the key was computed from
        String other = "rene\u0301" + n + "@example.com";
        assertThat(bed.contacts.upsert(ContactInput.builder(other).build(), API).contact().email())
                .isEqualTo("ren\u00e9" + n + "@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann\u200b@example.com", "ann\u202e@example.com", "\u2066ann@example.com", "ann@exa\u00admple.com",
            "ann\ufeff@example.com", "ann\u0007@example.com"})
    void invisibleAndBidirectionalControlCharactersAreRefusedNamingTheCharacter(String address) {
        int cp = address.codePoints().filter(c -> Emails.hiddenCharacter(new String(Character.toChars(c))) != null)
                .findFirst().orElseThrow();
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder(address).build(), API))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.getMessage()).contains(String.format("U+%04X", cp)).contains("does not show on screen")
                            // the refused value is shown escaped, never with the character itself
                            .contains(String.format("\\u%04x", cp)).doesNotContain(new String(Character.toChars(cp)));
                });
        assertThat(bed.contacts.find(address.replaceAll("[^a-z@.]", ""))).isEmpty();
    }

    @Test
    void aBidiOverrideIsNamedAsABidirectionalControl() {
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder("moc.elpmaxe\u202e@example.com").build(), API))
                .hasMessageContaining("U+202E RIGHT-TO-LEFT OVERRIDE (a bidirectional control)");
    }

    @Test
    void aBackslashIsRefusedUnlessInsideAQuotedLocalPart() {
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder("ann\\lee@example.com").build(), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("backslash");
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder("ann@exam\\ple.com").build(), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("backslash");
        String quoted = "\"ann\\\\lee" + SEQ.incrementAndGet() + "\"@example.com";
        assertThat(bed.contacts.upsert(ContactInput.builder(quoted).build(), API).contact().email()).isEqualTo(quoted);
    }

    @Test
    void theLocalPartHasAtMost64OctetsAndTheAddressAtMost254() {
        String n = String.format("%04d", SEQ.incrementAndGet() % 10000);
        String local64 = n + "a".repeat(60);
        assertThat(bed.contacts.upsert(ContactInput.builder(local64 + "@example.com").build(), API).outcome())
                .isEqualTo(Outcome.CREATED);
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder(local64 + "a@example.com").build(), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("65 octets").hasMessageContaining("64");
        // octets, not characters: 33 two-octet letters are 66 octets
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder("\u00e9".repeat(33) + "@example.com").build(), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("66 octets");

        String domain254 = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + "." + "e".repeat(5) + n + ".org";
        String at254 = "a".repeat(254 - 1 - domain254.length()) + "@" + domain254;
        assertThat(at254).hasSize(254);
        assertThat(bed.contacts.upsert(ContactInput.builder(at254).build(), API).outcome()).isEqualTo(Outcome.CREATED);
        assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder("x" + at254).build(), API))
                .isInstanceOf(ValidationException.class).hasMessageContaining("255 octets").hasMessageContaining("254");
    }

    // ---- text values

    @Test
    void textValuesRefuseControlCharactersButKeepTabs() {
        String ann = unique("ann");
        for (String bad : List.of("\u001b[2J", "a\nb", "a\rb", "a\u0000b", "a\u007fb", "a\u009bb")) {
            assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder(ann).field("note", bad).build(), ADMIN))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("note");
                        assertThat(e.getMessage()).contains("control character U+00")
                                .doesNotContain("\u001b").doesNotContain("\n").doesNotContain("\u009b");
                    });
        }
        assertThat(bed.contacts.find(ann)).isEmpty();
        assertThat(bed.contacts.upsert(ContactInput.builder(ann).field("note", "a\tb").build(), ADMIN).contact().fields())
                .containsEntry("note", "a\tb");
    }

    @Test
    void anImportRowWithAnEscapeSequenceIsRejectedWithItsRow() throws IOException {
        String a = unique("a");
        String b = unique("b");
        ImportReport report = load("email,note\n" + a + ",\"\u001b]0;owned\u0007\"\n" + b + ",fine\n", TestBed.IMPORT);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.reason()).contains("field 'note'").contains("U+001B").doesNotContain("\u001b");
        });
    }

    // ---- the tag cap

    @Test
    void aContactCarriesAtMostTheConfiguredNumberOfTags() throws IOException {
        String ann = unique("ann");
        bed.contacts.upsert(ContactInput.builder(ann).tag("a", "b").build(), API);
        assertThat(bed.contacts.addTags(ann, List.of("c"), ADMIN).tags()).hasSize(3);
        assertThatThrownBy(() -> bed.contacts.addTags(ann, List.of("d"), ADMIN)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e).hasMessageContaining("4 tags").hasMessageContaining("at most 3")
                        .hasMessageContaining("tags.max"));
        assertThat(bed.contacts.get(ann).tags()).containsExactlyInAnyOrder("a", "b", "c");
        // an existing tag again, and swapping one for another, stay within the cap
        assertThat(bed.contacts.update(ann, ContactInput.builder(null).tag("a", "d").untag("b").build(), ADMIN).tags())
                .containsExactlyInAnyOrder("a", "c", "d");

        String bob = unique("bob");
        ImportReport report = load("email,tags\n" + bob + ",w|x|y|z\n", TestBed.IMPORT);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.reason()).contains("4 tags").contains("at most 3");
        });
        assertThat(bed.contacts.find(bob)).isEmpty();
    }

    // ---- consent: leaving a list and UNSUBSCRIBED

    @Test
    void aContactWhoLeftAListThemselvesIsNotPutBackByAnAdminTheApiOrAnImport() throws IOException {
        String news = list();
        String ann = unique("ann");
        Contact c = bed.contacts.upsert(ContactInput.builder(ann).status(OptInStatus.CONFIRMED).list(news).build(), API)
                .contact();
        bed.contacts.unsubscribe(ann, news, MESSAGE);

        for (ChangeContext who : List.of(ADMIN, API, TestBed.IMPORT)) {
            assertThatThrownBy(() -> bed.contacts.subscribe(ann, news, who)).isInstanceOfSatisfying(ConflictException.class,
                    e -> assertThat(e.getMessage()).contains(ann).contains(c.id()).contains("'" + news + "'")
                            .contains("left the list").contains("themselves (MESSAGE").contains(who.source().name()));
            assertThatThrownBy(() -> bed.contacts.upsert(ContactInput.builder(ann).list(news).build(), who))
                    .isInstanceOf(ConflictException.class);
        }
        String bob = unique("bob");
        ImportReport report = bed.contacts.importCsv(new StringReader("email,lists\n" + ann + "," + news + "\n" + bob + ","
                + news + "\n"), ImportOptions.defaults(), TestBed.IMPORT, ImportProgress.NONE);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.reason()).contains(ann).contains("'" + news + "'").contains("left the list");
        });
        assertThat(bed.contacts.get(ann).lists()).doesNotContain(news);
        assertThat(bed.contacts.get(bob).lists()).containsExactly(news);

        // the contact's own act may: a form subscription
        assertThat(bed.contacts.subscribe(ann, news, FORM).lists()).containsExactly(news);
        assertThat(bed.contacts.consentHistory(ann)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo(ConsentAction.LIST_SUBSCRIBED);
            assertThat(e.source()).isEqualTo(ConsentSource.FORM);
        });
    }

    @Test
    void theOneMessageChoiceAndAComplaintAreTheContactsOwnLeaveToo() {
        for (ConsentSource source : List.of(ConsentSource.ONE_MESSAGE, ConsentSource.FEEDBACK_COMPLAINT)) {
            String news = list();
            String ann = unique("ann");
            bed.contacts.upsert(ContactInput.builder(ann).list(news).build(), API);
            bed.contacts.unsubscribe(ann, news, ChangeContext.builder(source).build());
            assertThatThrownBy(() -> bed.contacts.subscribe(ann, news, ADMIN)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("themselves (" + source);
        }
    }

    @Test
    void aListAnAdminTookTheContactOffCanBeGivenBackAndOtherListsStayOpen() {
        String news = list();
        String offers = list();
        String ann = unique("ann");
        bed.contacts.upsert(ContactInput.builder(ann).list(news).build(), API);
        bed.contacts.unsubscribe(ann, news, ADMIN);
        assertThat(bed.contacts.subscribe(ann, news, API).lists()).containsExactly(news);

        // a leave of their own from one list does not close the others
        bed.contacts.unsubscribe(ann, news, MESSAGE);
        assertThat(bed.contacts.subscribe(ann, offers, ADMIN).lists()).containsExactly(offers);
        // and what counts is the latest entry: after their own re-subscription an admin may manage it again
        bed.contacts.subscribe(ann, news, FORM);
        bed.contacts.unsubscribe(ann, news, ADMIN);
        assertThat(bed.contacts.subscribe(ann, news, ADMIN).lists()).containsExactlyInAnyOrder(news, offers);
    }

    @Test
    void anUnsubscribedContactIsNotPutOnAListByAnAdminTheApiOrAnImport() throws IOException {
        String news = list();
        String ann = unique("ann");
        bed.contacts.upsert(ContactInput.builder(ann).status(OptInStatus.UNSUBSCRIBED).build(), API);
        for (ChangeContext who : List.of(ADMIN, API, TestBed.IMPORT)) {
            assertThatThrownBy(() -> bed.contacts.subscribe(ann, news, who)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining(ann).hasMessageContaining("is UNSUBSCRIBED")
                    .hasMessageContaining("'" + news + "'");
        }
        ImportReport report = bed.contacts.importCsv(new StringReader("email\n" + ann + "\n"),
                ImportOptions.defaults().withLists(Set.of(news)), TestBed.IMPORT, ImportProgress.NONE);
        assertThat(report.errors()).singleElement().satisfies(e -> assertThat(e.reason()).contains("is UNSUBSCRIBED"));
        assertThat(bed.contacts.get(ann).lists()).isEmpty();
        // a new contact imported as unsubscribed keeps the list the file gives it (its history comes along)
        String bob = unique("bob");
        report = bed.contacts.importCsv(new StringReader("email,status\n" + bob + ",unsubscribed\n"),
                ImportOptions.defaults().withLists(Set.of(news)), TestBed.IMPORT, ImportProgress.NONE);
        assertThat(report.created()).isEqualTo(1);
        assertThat(bed.contacts.get(bob).lists()).containsExactly(news);
        assertThat(bed.contacts.get(bob).status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        // the form lifts it
        assertThat(bed.contacts.subscribe(ann, news, FORM).lists()).containsExactly(news);
    }

    // ---- imports

    @Test
    void anImportThroughTheApiIsRecordedAsAnImport() throws IOException {
        String news = list();
        String ann = unique("ann");
        load("email,lists\n" + ann + "," + news + "\n", ChangeContext.api("crm"));
        assertThat(bed.contacts.consentHistory(ann)).extracting(ConsentEntry::source, ConsentEntry::actor)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(ConsentSource.IMPORT, "crm"));
    }

    @Test
    void theSameAddressTwiceInAFileIsADuplicateOfItsFirstRowInAndAcrossBatches() throws IOException {
        for (int batchSize : new int[] {1000, 2}) {
            try (TestBed b = new TestBed(false, batchSize)) {
                b.fields.create("age", FieldType.NUMBER, null, null);
                String csv = "email,age\n"
                        + "ann@example.com,30\n"
                        + "bob@example.com,40\n"
                        + "ANN@example.com,31\n"
                        + "\n"
                        + "ann@EXAMPLE.com,32\n";
                ImportReport report = b.contacts.importCsv(new StringReader(csv), ImportOptions.defaults(), TestBed.IMPORT,
                        ImportProgress.NONE);
                assertThat(report.created()).as("batch %d", batchSize).isEqualTo(2);
                assertThat(report.updated() + report.unchanged()).isZero();
                assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(4L, 6L);
                assertThat(report.errors()).allSatisfy(e -> assertThat(e.reason()).contains("duplicate of row 2"));
                assertThat(report.errors().get(0).reason()).contains("ANN@example.com");
                assertThat(b.contacts.get("ann@example.com").fields()).containsEntry("age", 30L);

                ImportReport again = b.contacts.importCsv(new StringReader(csv), ImportOptions.defaults(), TestBed.IMPORT,
                        ImportProgress.NONE);
                assertThat(again.unchanged()).isEqualTo(2);
                assertThat(again.updated() + again.created()).isZero();
                assertThat(b.contacts.get("ann@example.com").fields()).containsEntry("age", 30L);
            }
        }
    }

    @Test
    void rowNumbersNameTheLineWhereTheRecordStarts() throws IOException {
        String a = unique("a");
        String b = unique("b");
        String c = unique("c");
        String csv = "email,note\r\n"                       // line 1
                + a + ",\"two\r\nlines\"\r\n"               // lines 2-3: rejected (a line break in a text value)
                + "\r\n"                                    // line 4: empty
                + b + ",\"x\"\r\n"                          // line 5
                + "not-an-address,\"x\"\r\n"                // line 6
                + c + ",\"three\nline\nvalue\"\r\n"         // lines 7-9
                + "also-bad,x\r\n";                         // line 10
        ImportReport report = load(csv, TestBed.IMPORT);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(2L, 6L, 7L, 10L);
    }

    @Test
    void aRowNumberOfAMalformedRecordNamesItsFirstLine() throws IOException {
        String a = unique("a");
        ImportReport report = load("email,note\n" + a + ",x\n\nb@example.com,\"open quote\nnever closed\n", TestBed.IMPORT);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.reason()).contains("malformed");
        });
    }

    @Test
    void reimportingAnUnchangedFileOfEveryFieldTypeChangesNothing() throws IOException {
        try (TestBed b = new TestBed()) {
            b.fields.create("age", FieldType.NUMBER, null, null);
            b.fields.create("price", FieldType.DECIMAL, null, null);
            b.fields.create("birthday", FieldType.DATE, null, null);
            b.fields.create("vip", FieldType.BOOLEAN, null, null);
            b.fields.create("phone", FieldType.PHONE, null, null);
            b.fields.create("city", FieldType.TEXT, null, null);
            b.fields.create("size", FieldType.CHOICE, null,
                    List.of(new org.herald.contacts.Choice("s", null), new org.herald.contacts.Choice("m", null)));
            b.fields.create("likes", FieldType.MULTICHOICE, null,
                    List.of(new org.herald.contacts.Choice("tea", null), new org.herald.contacts.Choice("cake", null)));
            b.lists.create("news");
            String rows = IntStream.range(0, 5).mapToObj(i -> "p" + i + "@example.com,CONFIRMED,4" + i + ",12.50,1990-02-28,"
                    + "yes,+372 555 12" + i + "0,\"Tartu\tOld Town\",S,cake|tea,VIP|b,news")
                    .collect(Collectors.joining("\n"));
            String csv = "email,status,age,price,birthday,vip,phone,city,size,likes,tags,lists\n" + rows + "\n";
            assertThat(b.contacts.importCsv(new StringReader(csv), ImportOptions.defaults(), TestBed.IMPORT,
                    ImportProgress.NONE).created()).isEqualTo(5);
            Contact before = b.contacts.get("p3@example.com");
            long events = b.rows("contact_event");
            long ledger = b.rows("consent_entry");

            ImportReport again = b.contacts.importCsv(new StringReader(csv), ImportOptions.defaults(), TestBed.IMPORT,
                    ImportProgress.NONE);
            assertThat(again.unchanged()).isEqualTo(5);
            assertThat(again.updated() + again.created() + again.rejected()).isZero();
            assertThat(b.rows("contact_event")).isEqualTo(events);
            assertThat(b.rows("consent_entry")).isEqualTo(ledger);
            Contact after = b.contacts.get("p3@example.com");
            assertThat(after.updated()).isEqualTo(before.updated());
            assertThat(after).isEqualTo(before);
            assertThat(b.contacts.count(ContactQuery.all())).isEqualTo(5);
        }
    }
}
