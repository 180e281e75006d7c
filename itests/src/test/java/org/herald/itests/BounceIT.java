package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The bounce classifier in the booted distribution: the console command and the REST endpoint. */
@Order(5)
@ExtendWith(HeraldExtension.class)
class BounceIT {

    static final String HARD_BOUNCE = """
            From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
            To: bounces@herald.example.com
            Subject: Undelivered Mail Returned to Sender
            Message-ID: <dsn-1@mx.example.net>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            This is the mail system at host mx.example.net. Your message could not be delivered.

            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.example.net

            Final-Recipient: rfc822; nobody@example.net
            Original-Recipient: rfc822;nobody@example.net
            Action: failed
            Status: 5.1.1
            Diagnostic-Code: smtp; 550 5.1.1 <nobody@example.net>: Recipient address rejected: User unknown in local recipient table

            --b1
            Content-Type: text/rfc822-headers

            From: news@herald.example.com
            To: nobody@example.net
            Message-ID: <campaign-7-contact-9@herald.example.com>
            Subject: Weekly news

            --b1--
            """.replace("\n", "\r\n");

    /**
     * An ARF complaint: one of the shared sample set's when {@code ../shared/data} is checked out beside
     * the repository, else the one written for Herald in bundles/bounces/src/test/resources/samples.
     */
    static Path complaintSample() {
        Path shared = Paths.get(System.getProperty("herald.shared.data", "../../shared/data"), "bounces/emails/arf-02.eml");
        Path own = Paths.get(System.getProperty("herald.own.samples", "../bundles/bounces/src/test/resources/samples"),
                "arf/arf-two.eml");
        Path used = Files.isRegularFile(shared) ? shared : own;
        assertThat(used).as("the project's own ARF sample").isRegularFile();
        System.out.println("BounceIT: complaint sample " + used.toAbsolutePath().normalize());
        return used;
    }

    @Test
    void restClassifiesAPostedBounce(HeraldContainer herald) throws Exception {
        HttpResponse<String> r = herald.send("POST", "/herald/api/v1/bounces/classify", HARD_BOUNCE, "message/rfc822",
                HeraldContainer.ADMIN, HeraldContainer.ADMIN_PASSWORD);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode records = parse(r.body());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("recipient").asText()).isEqualTo("nobody@example.net");
        assertThat(records.get(0).path("class").asText()).isEqualTo("HARD");
        assertThat(records.get(0).path("status").asText()).isEqualTo("5.1.1");
        assertThat(records.get(0).path("originalMessageId").asText()).contains("campaign-7-contact-9");

        assertThat(herald.send("POST", "/herald/api/v1/bounces/classify", HARD_BOUNCE, "message/rfc822", null, null)
                .statusCode()).isEqualTo(401);
    }

    @Test
    void consoleClassifiesAFolderAsJsonLines(HeraldContainer herald) throws Exception {
        Path dir = herald.importFolder().resolve("bounce-samples-" + System.nanoTime());
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("a-hard.eml"), HARD_BOUNCE);
        Files.writeString(dir.resolve("b-ordinary.eml"), "From: ann@example.org\r\nTo: news@herald.example.com\r\n"
                + "Subject: Thanks\r\n\r\nThanks for the newsletter!\r\n");
        Path complaint = complaintSample();
        Files.copy(complaint, dir.resolve("c-complaint.eml"));

        String out = herald.console("herald:bounce-classify --json " + dir);
        List<JsonNode> lines = out.lines().filter(l -> l.startsWith("{")).map(Json::parse).toList();
        assertThat(lines).as(out).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.get(0).path("file").asText()).endsWith("a-hard.eml");
        assertThat(lines.get(0).path("class").asText()).isEqualTo("HARD");
        assertThat(lines.get(0).path("replycode").asInt()).isEqualTo(550);
        // the ordinary message gives no line; the complaint one per complaining recipient
        List<JsonNode> rest = lines.subList(1, lines.size());
        assertThat(rest).as("lines after the hard bounce, from %s", complaint).isNotEmpty().allSatisfy(l -> {
            assertThat(l.path("file").asText()).endsWith("c-complaint.eml");
            assertThat(l.path("class").asText()).isEqualTo("COMPLAINT");
        });

        String table = herald.console("herald:bounce-classify " + dir);
        assertThat(table).contains("nobody@example.net").contains("HARD").contains("COMPLAINT");
    }
}
