package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herald.contacts.internal.TestBed.IMPORT;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
import org.herald.contacts.Choice;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CsvImportTest {

    private TestBed bed = new TestBed();

    @BeforeEach
    void fields() {
        define(bed);
    }

    private static void define(TestBed b) {
        b.fields.create("age", FieldType.NUMBER, null, null);
        b.fields.create("city", FieldType.TEXT, null, null);
        b.fields.create("birthday", FieldType.DATE, null, null);
        b.fields.create("size", FieldType.CHOICE, null, List.of(new Choice("s", null), new Choice("m", null)));
        b.lists.create("news");
        b.lists.create("offers");
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private ImportReport load(String csv) throws IOException {
        return load(csv, ImportOptions.defaults());
    }

    private ImportReport load(String csv, ImportOptions options) throws IOException {
        return bed.contacts.importCsv(new StringReader(csv), options, IMPORT, ImportProgress.NONE);
    }

    @Test
    void bomCrlfAndQuotedFieldsWithCommasAndQuotesAreRead() throws IOException {
        // quoted line breaks: InputRulesTest.rowNumbersNameTheLineWhereTheRecordStarts (text values refuse them)
        String csv = "\uFEFF Email ,City,AGE\r\n"
                + "ann@example.com,\"Tartu, Old Town\",34\r\n"
                + "bob@example.com,\"line one, line \"\"two\"\"\",\r\n";
        ImportReport report = load(csv);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).isZero();
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("city", "Tartu, Old Town")
                .containsEntry("age", 34L);
        assertThat(bed.contacts.get("bob@example.com").fields()).containsEntry("city", "line one, line \"two\"")
                .doesNotContainKey("age");
    }

    @Test
    void semicolonDelimiterFromTheOptions() throws IOException {
        ImportReport report = load("email;city\nann@example.com;Tallinn, Kesklinn\n",
                new ImportOptions(Set.of(), Set.of(), ';', true));
        assertThat(report.created()).isEqualTo(1);
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("city", "Tallinn, Kesklinn");
    }

    @Test
    void badRowsAreRejectedWholeWithRowNumberAndReasonAndTheRestIsImported() throws IOException {
        String csv = "email,age,birthday,size,lists\n"
                + "ann@example.com,34,1990-01-31,s,news\n"       // row 2
                + "not-an-address,35,,,\n"                      // row 3
                + "bob@example.com,35x,,,\n"                    // row 4
                + "cid@example.com,36,2023-02-30,,\n"           // row 5
                + "dan@example.com,37,,xl,\n"                   // row 6
                + "eve@example.com,38,,,nope\n"                 // row 7
                + "fay@example.com,39\n"                        // row 8: too few values
                + "gus@example.com,40,,m,offers\n";             // row 9
        ImportReport report = load(csv);
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.rejected()).isEqualTo(6);
        assertThat(report.errors()).extracting(ImportReport.RowError::row).containsExactly(3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(report.errors().get(0).reason()).contains("email").contains("not-an-address");
        assertThat(report.errors().get(1).reason()).contains("field 'age'").contains("35x");
        assertThat(report.errors().get(2).reason()).contains("field 'birthday'").contains("2023-02-30");
        assertThat(report.errors().get(3).reason()).contains("field 'size'").contains("xl");
        assertThat(report.errors().get(4).reason()).contains("lists").contains("nope");
        assertThat(report.errors().get(5).reason()).contains("2 values").contains("5 columns");
        // a rejected row is rejected whole: nothing of bob was stored
        assertThat(bed.contacts.find("bob@example.com")).isEmpty();
        assertThat(bed.contacts.get("gus@example.com").lists()).containsExactly("offers");
    }

    @Test
    void unknownColumnsStopTheImportBeforeAnyRow() {
        assertThatThrownBy(() -> load("email,age,Shoe Size,colour\nann@example.com,3,42,red\n"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'Shoe Size'").hasMessageContaining("'colour'")
                .hasMessageContaining("age, birthday, city, size").hasMessageContaining("nothing was imported");
        assertThatThrownBy(() -> load("emial,age\nann@example.com,3\n")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("'emial'").hasMessageContaining("--map").hasMessageContaining("--ignore-unmapped");
        assertThatThrownBy(() -> load("age\n3\n")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no address column");
        assertThatThrownBy(() -> load("email,age\nann@example.com,3\n", ImportOptions.defaults().withLists(Set.of("nope"))))
                .hasMessageContaining("list 'nope' does not exist");
        assertThat(bed.contacts.count(ContactQuery.all())).isZero();
    }

    @Test
    void reimportingTheSameFileReportsAllUnchangedAndWritesNothing() throws IOException {
        String csv = "email,status,age,tags,lists\n"
                + "ann@example.com,CONFIRMED,30,a|b,news\n"
                + "bob@example.com,unsubscribed,40,,news|offers\n"
                + "cid@example.com,,,,\n";
        assertThat(load(csv).created()).isEqualTo(3);
        Contact before = bed.contacts.get("ann@example.com");
        long ledger = bed.rows("consent_entry");
        ImportReport again = load(csv);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.created() + again.updated() + again.rejected()).isZero();
        assertThat(bed.rows("consent_entry")).isEqualTo(ledger);
        Contact after = bed.contacts.get("ann@example.com");
        assertThat(after.updated()).isEqualTo(before.updated());
        assertThat(after).isEqualTo(before);
    }

    @Test
    void statusColumnSetsNewContactsButForExistingOnlyReducesMailingAndNeverLiftsALock() throws IOException {
        bed.contacts.upsert(ContactInput.builder("unsub@example.com").status(OptInStatus.UNSUBSCRIBED).build(),
                ChangeContext.api("crm"));
        bed.contacts.upsert(ContactInput.builder("known@example.com").build(), ChangeContext.api("crm"));
        bed.contacts.upsert(ContactInput.builder("happy@example.com").status(OptInStatus.CONFIRMED).build(),
                ChangeContext.api("crm"));
        String csv = "email,status\n"
                + "new@example.com,confirmed\n"
                + "unsub@example.com,CONFIRMED\n"
                + "known@example.com,CONFIRMED\n"
                + "happy@example.com,UNSUBSCRIBED\n"
                + "odd@example.com,maybe\n";
        ImportReport report = load(csv);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.updated()).isEqualTo(1);
        assertThat(report.unchanged()).isEqualTo(2);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(6);
            assertThat(e.reason()).contains("maybe");
        });
        assertThat(bed.contacts.get("new@example.com").status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(bed.contacts.get("unsub@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(bed.contacts.get("known@example.com").status()).isEqualTo(OptInStatus.UNKNOWN);
        assertThat(bed.contacts.get("happy@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        ConsentEntry created = bed.contacts.consentHistory("new@example.com").get(0);
        assertThat(created.source()).isEqualTo(ConsentSource.IMPORT);
        assertThat(created.actor()).isEqualTo("admin");
        assertThat(created.toStatus()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(bed.contacts.consentHistory("happy@example.com")).last()
                .satisfies(e -> assertThat(e.source()).isEqualTo(ConsentSource.IMPORT))
                .satisfies(e -> assertThat(e.toStatus()).isEqualTo(OptInStatus.UNSUBSCRIBED));
        assertThat(bed.contacts.consentHistory("unsub@example.com")).hasSize(1);
    }

    @Test
    void listsAndTagsColumnsAndOptionsAreAddedWithLedgerEntries() throws IOException {
        String csv = "email,tags,lists\n"
                + "ann@example.com, VIP | Region:North ,news\n"
                + "bob@example.com,,\n";
        ImportReport report = load(csv, new ImportOptions(Set.of("offers"), Set.of("imported"), ',', true));
        assertThat(report.created()).isEqualTo(2);
        Contact ann = bed.contacts.get("ann@example.com");
        assertThat(ann.tags()).containsExactlyInAnyOrder("vip", "region:north", "imported");
        assertThat(ann.lists()).containsExactlyInAnyOrder("news", "offers");
        assertThat(bed.contacts.get("bob@example.com").lists()).containsExactly("offers");
        assertThat(bed.contacts.consentHistory("ann@example.com")).extracting(ConsentEntry::action)
                .containsOnly(ConsentAction.LIST_SUBSCRIBED).hasSize(2);
        assertThat(bed.lists.get("offers").members()).isEqualTo(2);
    }

    @Test
    void fillBlanksKeepsExistingValuesAndOverwriteReplacesThem() throws IOException {
        load("email,age,city\nann@example.com,30,\n");
        load("email,age,city\nann@example.com,31,Tartu\n", new ImportOptions(Set.of(), Set.of(), ',', false));
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("age", 30L).containsEntry("city", "Tartu");
        load("email,age\nann@example.com,32\n");
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("age", 32L);
    }

    @Test
    void progressIsReportedAfterEachBatch() throws IOException {
        try (TestBed b = new TestBed(false, 10)) {
            define(b);
            StringBuilder csv = new StringBuilder("email,age\n");
            for (int i = 0; i < 25; i++) {
                csv.append("user").append(i).append("@example.com,").append(i).append('\n');
            }
            List<Long> calls = new ArrayList<>();
            List<Long> createdSoFar = new ArrayList<>();
            ImportReport report = b.contacts.importCsv(new StringReader(csv.toString()), ImportOptions.defaults(), IMPORT,
                    (rows, soFar) -> {
                        calls.add(rows);
                        createdSoFar.add(soFar.created());
                    });
            assertThat(calls).containsExactly(10L, 20L, 25L);
            assertThat(createdSoFar).containsExactly(10L, 20L, 25L);
            assertThat(report.created()).isEqualTo(25);
        }
    }

    @Test
    void unsubscribedContactIsNotResubscribedByImport() throws IOException {
        bed.contacts.upsert(ContactInput.builder("ann@example.com").status(OptInStatus.UNSUBSCRIBED).build(),
                ChangeContext.api("crm"));
        load("email,status\nann@example.com,CONFIRMED\nann@example.com,PENDING\n");
        assertThat(bed.contacts.get("ann@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
    }

    @Test
    void malformedCsvIsReportedAndRowsBeforeItAreKept() throws IOException {
        ImportReport report = load("email,city\nann@example.com,Tartu\nbob@example.com,\"unterminated\n");
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.errors().get(0).reason()).contains("malformed");
    }

    @Test
    void decimalValuesImportAsNumbers() throws IOException {
        bed.fields.create("spent", FieldType.DECIMAL, null, null);
        load("email,spent\nann@example.com,12.50\n");
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("spent", new BigDecimal("12.5"));
    }
}
