package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.uniqueEmail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The herald: console commands over SSH, as an admin or a script uses them. */
@Order(3)
@ExtendWith(HeraldExtension.class)
class ConsoleIT {

    private static final Pattern ADDED = Pattern.compile("(Created|Updated|Unchanged) contact (\\S+) (\\S+)");

    @Test
    void contactAddIsAnUpsertKeyedOnTheAddress(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("console-add");
        String first = herald.console("herald:contact-add -s CONFIRMED -t vip " + email);
        Matcher created = ADDED.matcher(first);
        assertThat(created.find()).as(first).isTrue();
        assertThat(created.group(1)).isEqualTo("Created");
        String id = created.group(2);

        String second = herald.console("herald:contact-add -t gold " + email.toUpperCase());
        Matcher updated = ADDED.matcher(second);
        assertThat(updated.find()).as(second).isTrue();
        assertThat(updated.group(1)).isEqualTo("Updated");
        assertThat(updated.group(2)).isEqualTo(id);

        String show = herald.console("herald:contact-show " + id);
        assertThat(show).contains(email).contains("CONFIRMED").contains("vip").contains("gold");
        assertThat(herald.console("herald:contact-count --search " + email).trim()).endsWith("1");
    }

    @Test
    void fieldsListsTagsAndConsentHistory(HeraldContainer herald) throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String field = "city" + suffix;
        String list = "tips-" + Long.toString(System.nanoTime(), 36);
        String email = uniqueEmail("console-fields");
        String out = herald.console(
                "herald:field-add " + field + " text",
                "herald:list-create " + list,
                "herald:contact-add -f " + field + "=Tallinn " + email,
                "herald:list-subscribe " + list + " " + email,
                "herald:tag-add " + email + " reader",
                "herald:contact-show " + email,
                "herald:consent-history " + email + " | grep -v ZZZ",
                "herald:field-list | grep -v ZZZ",
                "herald:list-list | grep -v ZZZ");
        assertThat(out).contains("Tallinn").contains(list).contains("reader").contains("LIST_SUBSCRIBED").contains("MANAGE")
                .contains(field);

        String refused = herald.console("herald:field-add City text");
        assertThat(refused).containsIgnoringCase("a-z");
        String inUse = herald.console("herald:list-delete " + list);
        assertThat(inUse).contains("1 subscribed").contains("--force");
    }

    @Test
    void importReportsRejectedRowsWithTheirNumbers(HeraldContainer herald) throws Exception {
        String a = uniqueEmail("console-imp-a");
        String b = uniqueEmail("console-imp-b");
        Path csv = herald.importFolder().resolve("console-import-" + System.nanoTime() + ".csv");
        Files.writeString(csv, "email,status\n" + a + ",CONFIRMED\nbroken@,CONFIRMED\n" + b + ",SOMETIMES\n");
        // the README's way: a bare name, which starts in the import folder
        String out = herald.console("herald:contact-import " + csv.getFileName());
        assertThat(out).contains("Import finished: created=1 updated=0 unchanged=0 rejected=2");
        assertThat(out).contains("row 3").contains("broken@");
        assertThat(out).contains("row 4").contains("SOMETIMES");
    }

    /** Karaf prints usage in bold and errors in colour; a batch client's output (not a terminal) has none of it. */
    @Test
    void helpAndErrorsHaveNoAnsiCodesWhenNotOnATerminal(HeraldContainer herald) throws Exception {
        String out = herald.console("herald:contact-add --help", "bundle:list -s | grep org.herald.api");
        assertThat(out).contains("DESCRIPTION").contains("SYNTAX").contains("herald:contact-add").contains("org.herald.api");
        assertThat(out).doesNotContain("\u001b");
        String error = herald.console("herald:contact-add --no-such-option x@example.org");
        assertThat(error).contains("undefined option").doesNotContain("\u001b");
    }

    /** Files named at the console live in the import folder; a path out of it is refused, its content unread. */
    @Test
    void aFileOutsideTheImportFolderIsRefusedWithoutShowingItsContent(HeraldContainer herald) throws Exception {
        Path secret = herald.home.resolve("outside-" + System.nanoTime() + ".csv");
        Files.writeString(secret, "email\nsecret-line@example.org\n");
        Files.createSymbolicLink(herald.importFolder().resolve("link-" + System.nanoTime() + ".csv"), secret);
        String link;
        try (var files = Files.list(herald.importFolder())) {
            link = files.filter(f -> f.getFileName().toString().startsWith("link-")).findFirst().orElseThrow()
                    .getFileName().toString();
        }
        for (String path : List.of(secret.toString(), "../../" + secret.getFileName(), link, "/etc/passwd")) {
            String out = herald.console("herald:contact-import " + path);
            assertThat(out).as(path).contains("outside the import folder " + herald.importFolder())
                    .doesNotContain("secret-line").doesNotContain("root:").doesNotContain("Import finished");
        }
        String export = herald.console("herald:contact-export --all -o ../../etc/exported.csv");
        assertThat(export).contains("outside the import folder");
        assertThat(herald.home.resolve("etc/exported.csv")).doesNotExist();
    }

    @Test
    void aValueThatWouldActOnTheTerminalIsRefusedAndEverythingShownIsEscaped(HeraldContainer herald) throws Exception {
        String field = "note" + Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String a = uniqueEmail("console-esc-a");
        String b = uniqueEmail("console-esc-b");
        Path csv = herald.importFolder().resolve("console-escape-" + System.nanoTime() + ".csv");
        Files.writeString(csv, "email," + field + "\n" + a + ",\"x\u001b[2J\u001b]0;owned\u0007\"\n" + b + ",\"tab\there\"\n");
        String out = herald.console("herald:field-add " + field + " text", "herald:contact-import " + csv,
                "herald:contact-show " + b);
        assertThat(out).contains("created=1").contains("rejected=1").contains("row 2").contains("U+001B")
                .contains("x\\u001b[2J\\u001b]0;owned\\u0007");
        assertThat(out).as("no raw escape or bell reaches the terminal").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(out).as("a stored tab is shown escaped").contains("tab\\there");
    }

    @Test
    void aMailchimpExportImportsAsItIsWithItsPreset(HeraldContainer herald) throws Exception {
        String a = uniqueEmail("console-mc-a");
        Path csv = herald.importFolder().resolve("mailchimp-" + System.nanoTime() + ".csv");
        Files.writeString(csv, "Email Address,First Name,MEMBER_RATING,UNSUB_TIME\n" + a + ",Ann,2,2024-05-02 09:00:00\n");
        String dry = herald.console("herald:contact-import --preset mailchimp --dry-run " + csv);
        assertThat(dry).contains("Dry run finished: created=1").contains("MEMBER_RATING (mailchimp column");
        assertThat(herald.console("herald:contact-show " + a)).containsIgnoringCase("no contact");
        String out = herald.console("herald:contact-import --preset mailchimp --map 'First Name=-' " + csv);
        assertThat(out).contains("Import finished: created=1").contains("First Name -> -");
        assertThat(herald.console("herald:contact-show " + a)).contains("UNSUBSCRIBED");
    }

    @Test
    void forgetNeedsConfirmationAndThenErases(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("console-forget");
        herald.console("herald:contact-add " + email);
        String dry = herald.console("herald:contact-forget " + email);
        assertThat(dry).contains("--yes");
        assertThat(herald.console("herald:contact-show " + email)).contains(email);
        herald.console("herald:contact-forget --yes " + email);
        assertThat(herald.console("herald:contact-show " + email)).containsIgnoringCase("no contact");
    }

    /**
     * Karaf's shell (Gogo) reads a single quote inside double quotes as an unclosed quote and refuses the
     * line before any command runs ({@code "o'brien@…"}: "unexpected EOT looking for matching quote"), so
     * the forms that work are the shell's own: single quotes with {@code '\\''}, or a backslash.
     */
    @Test
    void anAddressWithAnApostropheWorksWhenQuotedTheShellsWay(HeraldContainer herald) throws Exception {
        String local = "o'brien-" + Long.toString(System.nanoTime(), 36);
        String email = local + "@example.org";
        String singleQuoted = "'" + email.replace("'", "'\\''") + "'";
        String out = herald.console("herald:contact-add -t irish " + singleQuoted, "herald:contact-show " + singleQuoted);
        Matcher created = ADDED.matcher(out);
        assertThat(created.find()).as(out).isTrue();
        assertThat(created.group(1)).isEqualTo("Created");
        assertThat(created.group(3)).isEqualTo(email);
        assertThat(out).contains("irish");
        String escaped = email.replace("'", "\\'");
        Matcher again = ADDED.matcher(herald.console("herald:contact-add -t kerry " + escaped));
        assertThat(again.find()).isTrue();
        assertThat(again.group(1)).isEqualTo("Updated");
        assertThat(again.group(2)).isEqualTo(created.group(2));
    }

    @Test
    void showingADeletedContactSaysSoAndHowToRestoreIt(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("console-deleted");
        Matcher created = ADDED.matcher(herald.console("herald:contact-add " + email));
        assertThat(created.find()).isTrue();
        String id = created.group(2);
        String out = herald.console("herald:contact-delete " + email, "herald:contact-show " + email);
        assertThat(out).contains("was deleted at").contains("contact-restore " + id);
        assertThat(herald.console("herald:contact-restore " + id, "herald:contact-show " + email)).contains("Restored")
                .doesNotContain("was deleted at");
    }

    @Test
    void badInputNamesTheProblem(HeraldContainer herald) throws Exception {
        assertThat(herald.console("herald:contact-add not-an-address")).contains("not-an-address");
        assertThat(herald.console("herald:contact-show nobody-" + System.nanoTime() + "@example.org")).containsIgnoringCase("no contact");
    }
}
