package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The subscriber pages on the booted distribution: a campaign's message in the outbox carries a
 * List-Unsubscribe link whose RFC 8058 one-click POST takes the contact off the campaign's list,
 * recorded with its message; support staff get a contact's links from the console and REST; and
 * 10,000 malformed, oversized, tampered and replayed requests leave the server up, change nothing
 * they should not and apply each valid one exactly once.
 */
@Order(8)
@ExtendWith(HeraldExtension.class)
class PagesIT {

    private static final String API = "/herald/api/v1";
    private static final Pattern LIST_UNSUBSCRIBE = Pattern.compile("List-Unsubscribe: <([^>]+)>");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
    }

    /** Sends a campaign to {@code contacts} new members of a new public list; returns address → unsubscribe URL. */
    private static Map<String, String> mailed(HeraldContainer herald, String run, int contacts, String list) throws IOException {
        ok(herald.admin("POST", API + "/lists", "{\"name\":\"" + list + "\"}"));
        ok(herald.admin("PUT", API + "/lists/" + list + "/texts/en", "{\"publicName\":\"Weekly news\",\"description\":\"Every Friday\"}"));
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            String email = uniqueEmail("p" + i);
            emails.add(email);
            ok(herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"status\":\"CONFIRMED\",\"lists\":[\""
                    + list + "\"]}"));
        }
        ok(herald.admin("PUT", API + "/templates/t" + run, "{\"subject\":\"News\",\"html\":\"<p>News</p>"
                + "<a href=\\\"{{ unsubscribe_url }}\\\">Unsubscribe</a> <a href=\\\"{{ preferences_url }}\\\">Preferences</a>\"}"));
        ok(herald.admin("POST", API + "/campaigns", "{\"name\":\"c" + run + "\",\"template\":\"t" + run + "\",\"lists\":[\""
                + list + "\"]}"));
        long id = parse(herald.admin("GET", API + "/campaigns/c" + run, null).body()).path("id").asLong();
        ok(herald.admin("POST", API + "/campaigns/c" + run + "/send", "{}"));
        Path outbox = herald.home.resolve("data/outbox");
        Map<String, String> links = new HashMap<>();
        HeraldContainer.await(contacts + " messages of campaign " + id + " in the outbox", Duration.ofSeconds(120), () -> {
            try (Stream<Path> files = Files.list(outbox)) {
                return files.filter(f -> f.getFileName().toString().startsWith("c" + id + ".m")).count() == contacts;
            } catch (IOException e) {
                return false;
            }
        });
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("c" + id + ".m")).toList()) {
                String eml = Files.readString(f);
                Matcher m = LIST_UNSUBSCRIBE.matcher(eml);
                assertThat(m.find()).as("List-Unsubscribe in " + f).isTrue();
                String to = emails.stream().filter(e -> eml.contains("To: " + e)).findFirst().orElseThrow();
                links.put(to, m.group(1));
            }
        }
        return links;
    }

    private HttpResponse<String> oneClick(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode contact(HeraldContainer herald, String email) throws IOException {
        return parse(herald.admin("GET", API + "/contacts/" + email, null).body());
    }

    private static List<JsonNode> ledger(HeraldContainer herald, String email) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        parse(herald.admin("GET", API + "/contacts/" + email + "/consent", null).body()).forEach(out::add);
        return out;
    }

    @Test
    void oneClickFromTheMessageInTheOutboxLeavesTheCampaignsListWithTheMessageInTheLedger(HeraldContainer herald)
            throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String list = "pg" + run;
        Map<String, String> links = mailed(herald, run, 2, list);
        String email = links.keySet().iterator().next();
        String url = links.get(email);
        assertThat(url).startsWith("http://127.0.0.1:" + herald.httpPort + "/herald/unsubscribe/").doesNotContain("@");

        // a mail scanner's GET changes nothing
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Weekly news");
        assertThat(contact(herald, email).path("lists").toString()).contains(list);

        HttpResponse<String> first = oneClick(url);
        HttpResponse<String> again = oneClick(url);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(contact(herald, email).path("lists").toString()).doesNotContain(list);
        List<JsonNode> left = ledger(herald, email).stream().filter(e -> e.path("action").asText().equals("LIST_UNSUBSCRIBED"))
                .toList();
        assertThat(left).hasSize(1);
        assertThat(left.get(0).path("source").asText()).isEqualTo("MESSAGE");
        assertThat(left.get(0).path("messageId").asLong()).isPositive();
        String other = links.keySet().stream().filter(e -> !e.equals(email)).findFirst().orElseThrow();
        assertThat(contact(herald, other).path("lists").toString()).contains(list);
    }

    @Test
    void supportStaffGetAContactsLinksFromTheConsoleAndRest(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("links");
        ok(herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"status\":\"PENDING\"}"));
        String console = herald.console("herald:contact-links " + email);
        assertThat(console).contains("Preferences:  http://127.0.0.1:" + herald.httpPort + "/herald/preferences/")
                .contains("/herald/unsubscribe/").contains("/herald/confirm/").doesNotContain(email);
        JsonNode links = parse(herald.admin("GET", API + "/contacts/" + email + "/links", null).body());
        HttpResponse<String> confirmPage = http.send(HttpRequest.newBuilder(URI.create(links.path("confirmUrl").asText()))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmPage.statusCode()).isEqualTo(200);
        assertThat(contact(herald, email).path("status").asText()).isEqualTo("PENDING");
        Matcher csrf = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(confirmPage.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(links.path("confirmUrl").asText()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("User-Agent", "PagesIT")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(contact(herald, email).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(ledger(herald, email)).last().satisfies(e -> {
            assertThat(e.path("source").asText()).isEqualTo("FORM");
            assertThat(e.path("userAgent").asText()).isEqualTo("PagesIT");
        });
    }

    @Test
    void theConfirmationMessageReachesTheOutboxAndItsLinkConfirms(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("optin");
        ok(herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"status\":\"PENDING\"}"));
        HttpResponse<String> queued = herald.admin("POST", API + "/contacts/" + email + "/confirmation", null);
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        String confirmation = herald.systemMessageTo(email);
        assertThat(confirmation).contains("Subject: Please confirm your subscription").doesNotContain("List-Unsubscribe");
        Matcher link = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/herald/confirm/[A-Za-z0-9_.=-]+)").matcher(
                confirmation.replace("=\r\n", "").replace("=\n", ""));
        assertThat(link.find()).as(confirmation).isTrue();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link.group(1))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Yes, subscribe me");
        assertThat(contact(herald, email).path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void tenThousandBadAndReplayedRequestsChangeNothingButTheValidOnesOnce(HeraldContainer herald) throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000_000L);
        String list = "ab" + run;
        Map<String, String> links = mailed(herald, run, 40, list);
        List<String> emails = new ArrayList<>(links.keySet());
        List<String> valid = emails.subList(0, 20);      // their one-clicks are sent, three times each
        List<String> untouched = emails.subList(20, 40); // only forged requests name them
        Map<String, Integer> ledgerBefore = new HashMap<>();
        for (String e : untouched) {
            ledgerBefore.put(e, ledger(herald, e).size());
        }
        String base = "http://127.0.0.1:" + herald.httpPort + "/herald";
        Random random = new Random(42);
        List<HttpRequest> requests = new ArrayList<>();
        for (String e : valid) {
            for (int i = 0; i < 3; i++) {
                requests.add(HttpRequest.newBuilder(URI.create(links.get(e)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
            }
        }
        String[] pages = {"/unsubscribe/", "/preferences/", "/confirm/"};
        while (requests.size() < 10_000) {
            String victim = links.get(untouched.get(random.nextInt(untouched.size())));
            String token = victim.substring(victim.lastIndexOf('/') + 1);
            String forged = tamper(token, random);
            String page = pages[random.nextInt(pages.length)];
            switch (random.nextInt(8)) {
                case 0 -> requests.add(post(base + "/unsubscribe/" + forged, "List-Unsubscribe=One-Click"));
                case 1 -> requests.add(post(base + page + forged, "csrf=" + forged + "&choice=ALL&unsubscribe_all=on"));
                case 2 -> requests.add(post(base + page + token, "choice=ALL&unsubscribe_all=on")); // no CSRF token
                case 3 -> requests.add(post(base + page + token, "csrf=" + "x".repeat(30_000))); // oversized
                case 4 -> requests.add(HttpRequest.newBuilder(URI.create(base + page + token))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
                case 5 -> requests.add(HttpRequest.newBuilder(URI.create(base + page + forged + "?list=%00%ff")).GET().build());
                case 6 -> requests.add(post(base + page + token, "csrf=%E0%A4%A&choice=%FF"));
                default -> requests.add(HttpRequest.newBuilder(URI.create(base + page + "..%2F..%2Fapi%2Fv1%2Fcontacts"))
                        .GET().build());
            }
        }
        java.util.Collections.shuffle(requests, random);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<?>> all = new ArrayList<>();
        long started = System.nanoTime();
        for (HttpRequest r : requests) {
            inFlight.acquire();
            all.add(http.sendAsync(r, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                inFlight.release();
                statuses.computeIfAbsent(error != null ? -1 : response.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            }));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        System.out.printf("PagesIT: %d requests in %d ms, statuses %s%n", requests.size(),
                (System.nanoTime() - started) / 1_000_000, statuses);

        assertThat(statuses).doesNotContainKey(-1).doesNotContainKey(500);
        assertThat(statuses.get(200).get()).isEqualTo(valid.size() * 3);
        assertThat(herald.get(HeraldContainer.PUBLIC_HEALTH, null, null).statusCode()).isEqualTo(200);
        for (String e : valid) {
            JsonNode c = contact(herald, e);
            assertThat(c.path("lists").toString()).doesNotContain(list);
            assertThat(c.path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(ledger(herald, e).stream().filter(x -> x.path("action").asText().equals("LIST_UNSUBSCRIBED")))
                    .hasSize(1);
        }
        for (String e : untouched) {
            JsonNode c = contact(herald, e);
            assertThat(c.path("lists").toString()).contains(list);
            assertThat(c.path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(ledger(herald, e)).hasSize(ledgerBefore.get(e));
        }
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** The token with one character of its payload or signature changed, or cut, or another purpose's. */
    private static String tamper(String token, Random random) {
        char[] c = token.toCharArray();
        int i = random.nextInt(c.length);
        return switch (random.nextInt(3)) {
            case 0 -> {
                c[i] = c[i] == 'A' ? 'B' : 'A';
                yield new String(c);
            }
            case 1 -> token.substring(0, Math.max(1, i));
            default -> token.replace('.', '_');
        };
    }
}
