package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A new user's path on the booted distribution with no relay configured: a list, contacts, a
 * template, a campaign sent to the outbox ({@code data/outbox/*.eml}) and its report; then a
 * {@code kill -9} at five random points of a campaign, each followed by a restart: every recipient's
 * message is in the outbox, each under its one Message-ID. Runs late: it kills the container.
 */
@Order(190)
@ExtendWith(HeraldExtension.class)
class CampaignIT {

    private static final String API = "/herald/api/v1";

    private static void ok(java.net.http.HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

    private static Set<String> outbox(HeraldContainer herald) throws IOException {
        Path dir = herald.home.resolve("data/outbox");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = new HashSet<>();
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).forEach(names::add);
            return names;
        }
    }

    private static String campaign(HeraldContainer herald, String run, int contacts) throws IOException {
        String list = "l" + run;
        ok(herald.admin("POST", API + "/lists", "{\"name\":\"" + list + "\"}"));
        for (int i = 0; i < contacts; i++) {
            ok(herald.admin("POST", API + "/contacts", "{\"email\":\"" + uniqueEmail("c" + i) + "\",\"status\":\"CONFIRMED\","
                    + "\"lists\":[\"" + list + "\"],\"fields\":{}}"));
        }
        ok(herald.admin("PUT", API + "/templates/t" + run, "{\"subject\":\"Hello {{ email }}\","
                + "\"html\":\"<p>Hi {{ firstname | default(\\\"friend\\\") }}</p><a href=\\\"https://shop.test/\\\">Shop</a>"
                + "<a href=\\\"{{ unsubscribe_url }}\\\">Unsubscribe</a>\"}"));
        ok(herald.admin("POST", API + "/campaigns", "{\"name\":\"c" + run + "\",\"template\":\"t" + run + "\",\"lists\":[\""
                + list + "\"]}"));
        return "c" + run;
    }

    private static JsonNode report(HeraldContainer herald, String name) throws IOException {
        return parse(herald.admin("GET", API + "/campaigns/" + name + "/report", null).body());
    }

    @Test
    void aNewUserSendsACampaignAndSeesTheMessagesInTheOutboxAndTheReport(HeraldContainer herald) throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String name = campaign(herald, run, 5);
        ok(herald.admin("POST", API + "/campaigns/" + name + "/send", "{}"));
        HeraldContainer.await("every message of " + name + " sent", Duration.ofSeconds(60),
                () -> uncheck(() -> report(herald, name).path("statuses").path("SENT").asLong() == 5));
        JsonNode campaign = parse(herald.admin("GET", API + "/campaigns/" + name, null).body());
        long id = campaign.path("id").asLong();
        HeraldContainer.await("campaign " + name + " SENT", Duration.ofSeconds(30),
                () -> uncheck(() -> parse(herald.admin("GET", API + "/campaigns/" + name, null).body()).path("state").asText()
                        .equals("SENT")));
        Set<String> files = outbox(herald);
        List<String> ours = files.stream().filter(f -> f.startsWith("c" + id + ".m")).toList();
        assertThat(ours).hasSize(5);
        String eml = Files.readString(herald.home.resolve("data/outbox").resolve(ours.get(0)));
        assertThat(eml).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click").contains("List-Unsubscribe: <")
                .contains("Return-Path: <bounce+").contains("/herald/t/o/");
        String console = herald.console("herald:campaign-report " + name);
        assertThat(console).contains("SENT").contains("5 of 5 done");
    }

    @Test
    void aSegmentTargetedAbTestThroughRestAndTheConsole(HeraldContainer herald) throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String list = "l" + run;
        ok(herald.admin("POST", API + "/lists", "{\"name\":\"" + list + "\"}"));
        for (int i = 0; i < 5; i++) {
            ok(herald.admin("POST", API + "/contacts", "{\"email\":\"" + uniqueEmail("s" + i) + "\",\"status\":\"CONFIRMED\","
                    + "\"lists\":[\"" + list + "\"],\"tags\":[" + (i < 4 ? "\"vip\"" : "") + "]}"));
        }
        ok(herald.admin("POST", API + "/segments", "{\"name\":\"vip" + run + "\",\"parentList\":\"" + list
                + "\",\"text\":\"tag vip\"}"));
        ok(herald.admin("PUT", API + "/templates/t" + run, "{\"subject\":\"Hello\",\"html\":\"<p>Hi</p>\"}"));
        String name = "ab" + run;
        ok(herald.admin("POST", API + "/campaigns", "{\"name\":\"" + name + "\",\"template\":\"t" + run
                + "\",\"segments\":[\"vip" + run + "\"],\"abTest\":{\"samplePercent\":50,\"metric\":\"OPENS\","
                + "\"waitMinutes\":600,\"variants\":[{\"name\":\"A\",\"subject\":\"First\"},"
                + "{\"name\":\"B\",\"subject\":\"Second\"}]}}"));
        ok(herald.admin("POST", API + "/campaigns/" + name + "/send", "{}"));
        // the sample: half of the segment's four contacts, one per variant; the rest waits for the winner
        HeraldContainer.await("the A/B sample of " + name + " sent", Duration.ofSeconds(60),
                () -> uncheck(() -> report(herald, name).path("statuses").path("SENT").asLong() == 2));
        JsonNode report = report(herald, name);
        assertThat(report.path("messages").asLong()).isEqualTo(2);
        assertThat(report.path("abTest").path("metric").asText()).isEqualTo("OPENS");
        assertThat(report.path("abTest").path("winner").isNull() || report.path("abTest").path("winner").isMissingNode())
                .isTrue();
        assertThat(report.path("variants").findValuesAsText("name")).containsExactly("A", "B");
        assertThat(report.path("variants").findValues("sent")).extracting(JsonNode::asLong).containsExactly(1L, 1L);
        assertThat(parse(herald.admin("GET", API + "/campaigns/" + name, null).body()).path("state").asText())
                .isEqualTo("SENDING");
        assertThat(herald.console("herald:campaign-report " + name)).contains("A/B test by OPENS").contains("testing");

        // Karaf reads options only before the arguments
        String console = herald.console("herald:campaign-create --template t" + run + " --segment vip" + run
                + " --ab-subject One --ab-subject Two --ab-wait 2h --ab-sample 30 cs" + run);
        assertThat(console).contains("Created campaign cs" + run);
        assertThat(herald.console("herald:campaign-show cs" + run)).contains("Segments:  vip" + run)
                .contains("A/B test:  30% of the audience, winner by CLICKS after 120 min").contains("subject \"Two\"");
    }

    private static long preview(HeraldContainer herald, String text) {
        try {
            return parse(herald.admin("POST", API + "/segments/preview", "{\"text\":\"" + text.replace("\"", "\\\"")
                    + "\"}").body()).path("count").asLong();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The HTML part of a message in the outbox. */
    private static String html(Path eml) throws Exception {
        try (java.io.InputStream in = Files.newInputStream(eml)) {
            jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(
                    jakarta.mail.Session.getDefaultInstance(new java.util.Properties()), in);
            return htmlOf(m.getContent());
        }
    }

    private static String htmlOf(Object content) throws Exception {
        if (content instanceof jakarta.mail.Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                jakarta.mail.BodyPart part = multi.getBodyPart(i);
                String found = part.isMimeType("text/html") ? (String) part.getContent() : htmlOf(part.getContent());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void opensAndClicksFromOutsideCountInSegmentsAndTheReport(HeraldContainer herald) throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String name = campaign(herald, run, 3);
        long id = parse(herald.admin("GET", API + "/campaigns/" + name, null).body()).path("id").asLong();
        ok(herald.admin("POST", API + "/campaigns/" + name + "/send", "{}"));
        HeraldContainer.await("the 3 messages of " + name + " in the outbox", Duration.ofSeconds(60),
                () -> uncheck(() -> outbox(herald).stream().filter(f -> f.startsWith("c" + id + ".m")).count() == 3));
        List<String> htmls = new java.util.ArrayList<>();
        for (String f : outbox(herald).stream().filter(n -> n.startsWith("c" + id + ".m")).sorted().toList()) {
            htmls.add(html(herald.home.resolve("data/outbox").resolve(f)));
        }
        java.util.regex.Pattern open = java.util.regex.Pattern.compile("(/herald/t/o/[^\"]+)\"");
        java.util.regex.Pattern click = java.util.regex.Pattern.compile("href=\"[^\"]*(/herald/t/c/[^\"]+)\"");
        // two recipients open the message (the pixel is fetched twice by one of them), one clicks its link twice
        for (int i = 0; i < 2; i++) {
            java.util.regex.Matcher o = open.matcher(htmls.get(i));
            assertThat(o.find()).as(htmls.get(i)).isTrue();
            assertThat(herald.get(o.group(1), null, null).statusCode()).isEqualTo(200);
            assertThat(herald.get(o.group(1), null, null).statusCode()).isEqualTo(200);
        }
        java.util.regex.Matcher c = click.matcher(htmls.get(0));
        assertThat(c.find()).as(htmls.get(0)).isTrue();
        String clickPath = c.group(1).replace("&amp;", "&");
        for (int i = 0; i < 2; i++) {
            java.net.http.HttpResponse<String> r = herald.get(clickPath, null, null);
            assertThat(r.statusCode()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).hasValue("https://shop.test/");
        }

        // the events reach the segments through the activity listener: poll until they are counted
        HeraldContainer.await("two openers of " + name + " in a segment", Duration.ofSeconds(60),
                () -> preview(herald, "opened campaign " + name) == 2);
        HeraldContainer.await("one double clicker of " + name, Duration.ofSeconds(60),
                () -> preview(herald, "clicked campaign " + name + " at least 2 times in 1 days") == 1);
        assertThat(preview(herald, "opened campaign " + name + " at least 2 times in 1 days")).isEqualTo(2);
        assertThat(preview(herald, "clicked campaign " + name + " at least 3 times in 1 days")).isZero();
        assertThat(preview(herald, "clicked link \"https://shop.test/\" at least 2 times in 1 days")).isGreaterThanOrEqualTo(1);
        JsonNode report = report(herald, name);
        assertThat(report.path("uniqueOpens").asLong()).isEqualTo(2);
        assertThat(report.path("links").get(0).path("url").asText()).isEqualTo("https://shop.test/");
        assertThat(report.path("links").get(0).path("clicks").asLong()).isEqualTo(2);
        assertThat(report.path("links").get(0).path("uniqueClicks").asLong()).isEqualTo(1);
    }

    @Test
    void killsAtFivePointsOfACampaignLoseNoRecipientAndKeepEachMessageId(HeraldContainer herald) throws Exception {
        int contacts = 800;
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String name = campaign(herald, run, contacts);
        long id = parse(herald.admin("GET", API + "/campaigns/" + name, null).body()).path("id").asLong();
        String prefix = "c" + id + ".m";
        ok(herald.admin("POST", API + "/campaigns/" + name + "/send", "{}"));
        java.util.Random random = new java.util.Random();
        int threshold = 0;
        for (int kill = 1; kill <= 5; kill++) {
            threshold += 40 + random.nextInt(80);
            int at = threshold;
            HeraldContainer.await(at + " messages of " + name + " in the outbox", Duration.ofSeconds(120),
                    () -> uncheck(() -> outbox(herald).stream().filter(f -> f.startsWith(prefix)).count() >= at));
            long before = outbox(herald).stream().filter(f -> f.startsWith(prefix)).count();
            herald.kill();
            System.out.printf("CampaignIT: kill %d with %d of %d in the outbox%n", kill, before, contacts);
            assertThat(before).isLessThan(contacts);
            herald.start();
        }
        HeraldContainer.await("every message of " + name + " sent after the restarts", Duration.ofSeconds(240),
                () -> uncheck(() -> report(herald, name).path("statuses").path("SENT").asLong() == contacts));
        Set<String> ours = new HashSet<>(outbox(herald).stream().filter(f -> f.startsWith(prefix)).toList());
        System.out.printf("CampaignIT: %d of %d in the outbox after five kills%n", ours.size(), contacts);
        // one file per Message-ID: a message sent again (in flight at a kill) replaced its own file, and
        // SENT is set once per message (a guarded update), so the counts match exactly
        assertThat(ours).hasSize(contacts);
        JsonNode r = report(herald, name);
        assertThat(r.path("messages").asLong()).isEqualTo(contacts);
        assertThat(r.path("statuses").path("WFS").asLong()).isZero();
    }

    interface Check {
        boolean get() throws Exception;
    }

    private static boolean uncheck(Check c) {
        try {
            return c.get();
        } catch (Exception e) {
            return false;
        }
    }
}
