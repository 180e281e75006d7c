package org.herald.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.herald.contacts.internal.TestBed.IMPORT;

import java.io.IOException;
import java.io.StringReader;

import org.herald.common.ValidationException;
import org.herald.contacts.ChangeContext;
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

/**
 * Moving in: other tools' exports imported as they are. Each file here is written the way that
 * tool's export is documented to look, with its quirks (Mailchimp's three files and quoted tag
 * lists, Brevo's semicolons and blocklist flag, listmonk's JSON attributes, Mautic's export without
 * a do-not-contact flag).
 */
class ImportPresetsTest {

    private final TestBed bed = new TestBed();

    @BeforeEach
    void fields() {
        bed.fields.create("firstname", FieldType.TEXT, null, null);
        bed.fields.create("lastname", FieldType.TEXT, null, null);
        bed.fields.create("city", FieldType.TEXT, null, null);
        bed.fields.create("rating", FieldType.NUMBER, null, null);
        bed.fields.create("signup", FieldType.DATE, null, null);
        bed.lists.create("news");
    }

    @AfterEach
    void tearDown() {
        bed.close();
    }

    private ImportReport load(String csv, ImportOptions options) throws IOException {
        return bed.contacts.importCsv(new StringReader(csv), options, IMPORT, ImportProgress.NONE);
    }

    private static final String MAILCHIMP_HEADER = "Email Address,First Name,Last Name,Address,Phone Number,MEMBER_RATING,"
            + "OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,"
            + "LAST_CHANGED,LEID,EUID,NOTES,TAGS";

    @Test
    void mailchimpsThreeFilesKeepTheirStatusAndTagsAndNeverLiftAnUnsubscribe() throws IOException {
        bed.contacts.upsert(ContactInput.builder("gone@example.com").status(OptInStatus.UNSUBSCRIBED).build(),
                ChangeContext.api("crm"));
        String subscribed = MAILCHIMP_HEADER + "\r\n"
                + "ann@example.com,Ann,Tamm,,,4,2024-01-15 10:22:31,,2024-01-15 10:23:02,,,,,,,,,2024-03-01 08:00:00,"
                + "1001,a1b2c3,,\"\"\"VIP\"\",\"\"Early Bird\"\"\"\r\n"
                + "gone@example.com,Old,Friend,,,2,,,,,,,,,,,,2024-03-01 08:00:00,1002,d4e5f6,,\r\n";
        ImportReport report = load(subscribed, ImportOptions.builder().preset("mailchimp")
                .map("MEMBER_RATING", "rating").map("OPTIN_TIME", "signup").lists(java.util.Set.of("news")).build());

        // the contact who unsubscribed here is not put on the import's list: its row is refused, naming why
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(3);
            assertThat(e.reason()).contains("gone@example.com").contains("is UNSUBSCRIBED").contains("'news'");
        });
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.columns()).containsEntry("Email Address", "email").containsEntry("First Name", "firstname")
                .containsEntry("MEMBER_RATING", "rating").containsEntry("TAGS", "tags").containsEntry("LEID", "-");
        assertThat(report.ignoredColumns()).anySatisfy(c -> assertThat(c).startsWith("Address (no field 'address'"))
                .anySatisfy(c -> assertThat(c).startsWith("LATITUDE (mailchimp column"));
        var ann = bed.contacts.get("ann@example.com");
        assertThat(ann.status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(ann.fields()).containsEntry("firstname", "Ann").containsEntry("lastname", "Tamm")
                .containsEntry("signup", "2024-01-15");
        assertThat(((Number) ann.fields().get("rating")).intValue()).isEqualTo(4);
        assertThat(ann.tags()).containsExactlyInAnyOrder("vip", "early bird");
        assertThat(ann.lists()).containsExactly("news");
        // the subscribed file does not lift a contact who unsubscribed here
        assertThat(bed.contacts.get("gone@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(bed.contacts.get("gone@example.com").lists()).isEmpty();

        String unsubscribed = MAILCHIMP_HEADER + ",UNSUB_TIME,UNSUB_CAMPAIGN_TITLE,UNSUB_CAMPAIGN_ID,UNSUB_REASON,"
                + "UNSUB_REASON_OTHER\r\n"
                + "bob@example.com,Bob,,,,1,,,,,,,,,,,,,1003,x,,,2024-05-02 09:00:00,Spring sale,77,NORMAL,\r\n"
                + "ann@example.com,Ann,Tamm,,,4,,,,,,,,,,,,,1001,a1b2c3,,,2024-05-03 09:00:00,Spring sale,77,NORMAL,\r\n";
        load(unsubscribed, ImportOptions.builder().preset("mailchimp").build());
        assertThat(bed.contacts.get("bob@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(bed.contacts.get("ann@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);

        String cleaned = MAILCHIMP_HEADER + ",CLEAN_TIME,CLEAN_CAMPAIGN_TITLE,CLEAN_CAMPAIGN_ID\r\n"
                + "dead@example.com,,,,,1,,,,,,,,,,,,,1004,y,,,2024-06-01 00:00:00,June news,80\r\n";
        load(cleaned, ImportOptions.builder().preset("mailchimp").build());
        assertThat(bed.contacts.get("dead@example.com").status()).isEqualTo(OptInStatus.INACTIVE);
    }

    @Test
    void brevosSemicolonExportWithItsBlocklistFlag() throws IOException {
        String csv = "CONTACT ID;EMAIL;FIRSTNAME;LASTNAME;SMS;EMAIL_BLACKLISTED;SMS_BLACKLISTED;ADDED_TIME;MODIFIED_TIME\n"
                + "1;ann@example.com;Ann;Tamm;+37255511111;No;No;2024-01-15 10:22:31;2024-02-01 10:00:00\n"
                + "2;bob@example.com;Bob;;;Yes;No;2024-01-16 10:22:31;2024-02-01 10:00:00\n";
        // the comma a user forgets to change is named, with the fix
        assertThatThrownBy(() -> load(csv, ImportOptions.builder().preset("brevo").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("-d ';'");
        assertThat(bed.contacts.count(ContactQuery.all())).isZero();

        ImportReport report = load(csv, ImportOptions.builder().preset("brevo").delimiter(';').build());
        assertThat(report.created()).isEqualTo(2);
        assertThat(bed.contacts.get("ann@example.com").status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("firstname", "Ann");
        assertThat(bed.contacts.get("bob@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(report.ignoredColumns()).anySatisfy(c -> assertThat(c).startsWith("SMS (brevo column"));
    }

    @Test
    void listmonksStatusesAndJsonAttributes() throws IOException {
        String csv = "uuid,email,name,attributes,status,created_at,updated_at\n"
                + "5e5c7f6a-0000-4000-8000-000000000001,ann@example.com,Ann Tamm,\"{\"\"city\"\": \"\"Tartu\"\", "
                + "\"\"plan\"\": \"\"pro\"\"}\",enabled,2024-01-15 10:22:31.123+00,2024-02-01 10:00:00+00\n"
                + "5e5c7f6a-0000-4000-8000-000000000002,bob@example.com,Bob,{},blocklisted,2024-01-15 10:22:31+00,"
                + "2024-02-01 10:00:00+00\n"
                + "5e5c7f6a-0000-4000-8000-000000000003,cy@example.com,Cy,{},frozen,2024-01-15 10:22:31+00,"
                + "2024-02-01 10:00:00+00\n";
        ImportReport report = load(csv, ImportOptions.builder().preset("listmonk").build());
        assertThat(report.created()).isEqualTo(2);
        assertThat(report.errors()).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(4);
            assertThat(e.reason()).contains("'frozen' is not a listmonk status").contains("blocklisted");
        });
        assertThat(bed.contacts.get("ann@example.com").status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("city", "Tartu");
        assertThat(bed.contacts.get("bob@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
        assertThat(report.ignoredColumns()).contains("attributes.plan (no field 'plan')")
                .anySatisfy(c -> assertThat(c).startsWith("name (no field 'name'"));
    }

    @Test
    void mauticsExportCarriesNoConsentSoNobodyBecomesMailableUnlessADncReportSaysOtherwise() throws IOException {
        String csv = "id,email,firstname,lastname,city,points,stage,tags,date_added,dnc\n"
                + "17,ann@example.com,Ann,Tamm,Tartu,25,Lead,\"vip,webinar\",2024-01-15 10:22:31,\n"
                + "18,bob@example.com,Bob,,,0,,,2024-01-15 10:22:31,1\n";
        ImportReport report = load(csv, ImportOptions.builder().preset("mautic").build());
        assertThat(report.rejected()).isZero();
        var ann = bed.contacts.get("ann@example.com");
        assertThat(ann.status()).isEqualTo(OptInStatus.UNKNOWN);
        assertThat(ann.tags()).containsExactlyInAnyOrder("vip", "webinar");
        assertThat(ann.fields()).containsEntry("city", "Tartu");
        assertThat(bed.contacts.get("bob@example.com").status()).isEqualTo(OptInStatus.UNSUBSCRIBED);
    }

    @Test
    void mappingAliasesIgnoreUnmappedAndDryRun() throws IOException {
        String csv = "E-mail,Given Name,Shoe Size\nann@example.com,Ann,42\n";
        assertThatThrownBy(() -> load(csv, ImportOptions.defaults())).hasMessageContaining("'Given Name'")
                .hasMessageContaining("'Shoe Size'");
        assertThatThrownBy(() -> load(csv, ImportOptions.builder().map("Given Name", "givenname").build()))
                .hasMessageContaining("names no field").hasMessageContaining("field-add givenname");
        assertThatThrownBy(() -> load(csv, ImportOptions.builder().map("Surname", "lastname").build()))
                .hasMessageContaining("'surname', which the file does not have");

        ImportReport dry = load(csv, ImportOptions.builder().map("Given Name", "firstname").ignoreUnmapped(true)
                .dryRun(true).build());
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.created()).isEqualTo(1);
        assertThat(dry.columns()).containsExactly(java.util.Map.entry("E-mail", "email"),
                java.util.Map.entry("Given Name", "firstname"), java.util.Map.entry("Shoe Size", "-"));
        assertThat(dry.ignoredColumns()).containsExactly("Shoe Size (no field of that name and not mapped)");
        assertThat(bed.contacts.count(ContactQuery.all())).as("a dry run writes nothing").isZero();

        ImportReport real = load(csv, ImportOptions.builder().map("Given Name", "firstname").map("Shoe Size", "-").build());
        assertThat(real.dryRun()).isFalse();
        assertThat(real.created()).isEqualTo(1);
        assertThat(bed.contacts.get("ann@example.com").fields()).containsEntry("firstname", "Ann");
    }

    @Test
    void anUnknownPresetNamesTheOnesThereAre() {
        assertThatThrownBy(() -> load("email\nann@example.com\n", ImportOptions.builder().preset("sendy").build()))
                .hasMessageContaining("unknown preset 'sendy'").hasMessageContaining("brevo, listmonk, mailchimp, mautic");
    }
}
