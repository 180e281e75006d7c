package org.herald.routes.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.herald.contacts.Contact;
import org.herald.contacts.ContactInput;
import org.herald.contacts.FieldType;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.TestBed;
import org.herald.forms.Form;
import org.herald.forms.FormField;
import org.herald.forms.FormInput;
import org.herald.json.HeraldJson;
import org.herald.mail.OutboundMessage;
import org.herald.preferences.RequestProof;
import org.herald.preferences.internal.DefaultSubscriberService;
import org.herald.tokens.Token;
import org.herald.tokens.TokenPurpose;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/** Form posts over HTTP through the route: formats, guards, redirects, CAPTCHA and the confirmation round trip. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormPostTest {

    private static final AtomicInteger N = new AtomicInteger();
    private FormServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    void start() throws Exception {
        server = new FormServer(Map.of("postsPerAddressPerHour", 3));
        server.cb.bed.fields.create("firstname", FieldType.TEXT, "First name", List.of());
        server.cb.bed.fields.create("age", FieldType.NUMBER, "Age", List.of());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private static String unique(String prefix) {
        return prefix + N.incrementAndGet();
    }

    private Form form(String... lists) {
        String list = unique("news");
        server.cb.bed.lists.create(list);
        return server.forms.create(unique("signup"), FormInput.builder().field(new FormField("firstname", true))
                .field(new FormField("age", false)).list(list).consentText("Send me the <b>newsletter</b>.").build());
    }

    private HttpResponse<String> postForm(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base + path)).header("User-Agent", "FormTest/1.0")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return HeraldJson.mapper().readTree(r.body());
    }

    private long contacts() {
        return server.cb.bed.rows("contact");
    }

    @Test
    void aBrowserPostSubscribesWithDoubleOptInAndTheLinkConfirmsOnTheFormsLists() throws Exception {
        Form f = form();
        String email = unique("ann") + "@forms.test";
        HttpResponse<String> r = postForm("/forms/" + f.name(), "email=" + enc(email) + "&firstname=Ann&consent=on&homepage=");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Almost done");
        Contact c = server.cb.bed.contacts.get(email);
        assertThat(c.status()).isEqualTo(OptInStatus.PENDING);
        assertThat(server.cb.bed.contacts.consentHistory(c.id())).anySatisfy(e -> {
            assertThat(e.ip()).isEqualTo("127.0.0.1");
            assertThat(e.userAgent()).isEqualTo("FormTest/1.0");
            assertThat(e.formId()).isEqualTo(f.name());
        });

        OutboundMessage mail = server.cb.campaigns.take(1000).stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow();
        String link = mail.text().replaceAll("(?s).*(http://\\S+/confirm/\\S+).*", "$1");
        DefaultSubscriberService subscribers = new DefaultSubscriberService(server.cb.tokens, server.cb.bed.contacts,
                server.cb.bed.lists, server.cb.bed.fields, server.cb.policy, server.cb.bed.stores.messages(), server.cb.bed.events,
                server.cb.confirmations, server.forms, org.herald.contacts.internal.Configs.defaults(
                        org.herald.pages.internal.PagesConfig.class));
        subscribers.confirm(link.substring(link.lastIndexOf('/') + 1), new RequestProof("192.0.2.1", "Mail"));
        Contact confirmed = server.cb.bed.contacts.get(email);
        assertThat(confirmed.status()).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(confirmed.lists()).containsExactlyElementsOf(f.lists());
    }

    @Test
    void aJsonPostGetsJsonAnswersWithEveryFieldInError() throws Exception {
        Form f = form();
        long before = contacts();
        HttpResponse<String> bad = postJson("/forms/" + f.name(), "{\"email\":\"nobody\",\"age\":\"old\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode errors = json(bad).get("errors");
        assertThat(json(bad).get("status").asText()).isEqualTo("invalid");
        assertThat(errors.has("age")).isTrue();
        assertThat(errors.get("firstname").asText()).isEqualTo("is required");
        assertThat(errors.has("consent")).isTrue();
        assertThat(contacts()).isEqualTo(before);

        HttpResponse<String> ok = postJson("/forms/" + f.name(), "{\"email\":\"" + unique("bo") + "@forms.test\","
                + "\"firstname\":\"Bo\",\"age\":33,\"consent\":true}");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("status").asText()).isEqualTo("accepted");
        assertThat(contacts()).isEqualTo(before + 1);

        assertThat(postJson("/forms/" + f.name(), "[1,2]").statusCode()).isEqualTo(400);
        assertThat(postJson("/forms/" + f.name(), "{\"email\":{\"x\":1}}").statusCode()).isEqualTo(400);
        assertThat(postJson("/forms/nosuchform", "{}").statusCode()).isEqualTo(404);
    }

    @Test
    void lineBreaksInAnyValueAreRefusedAndNothingIsWritten() throws Exception {
        Form f = form();
        long before = contacts();
        HttpResponse<String> r = postJson("/forms/" + f.name(), "{\"email\":\"" + unique("cy") + "@forms.test\\r\\nBcc: "
                + "victim@else.test\",\"firstname\":\"Cy\",\"consent\":true}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("errors").get("email").asText()).contains("line breaks");
        HttpResponse<String> other = postForm("/forms/" + f.name(), "email=" + enc(unique("cy") + "@forms.test")
                + "&firstname=" + enc("Cy\nX-Injected: 1") + "&consent=on");
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("line breaks").contains("Please correct");
        assertThat(contacts()).isEqualTo(before);
    }

    @Test
    void theHoneypotFilledIsAnsweredAsAcceptedAndDropped() throws Exception {
        Form f = form();
        long before = contacts();
        HttpResponse<String> r = postForm("/forms/" + f.name(), "email=" + enc(unique("bot") + "@forms.test")
                + "&firstname=Bot&consent=on&homepage=" + enc("http://spam.test"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("Almost done");
        assertThat(contacts()).isEqualTo(before);
    }

    @Test
    void aKnownAddressGetsTheSameAnswerAndThePostsPerAddressAreLimited() throws Exception {
        Form f = form();
        Contact known = server.cb.bed.contacts.upsert(ContactInput.builder(unique("dee") + "@forms.test")
                .status(OptInStatus.CONFIRMED).build(), TestBed.ADMIN).contact();
        String fresh = unique("dee") + "@forms.test";
        HttpResponse<String> a = postJson("/forms/" + f.name(), "{\"email\":\"" + known.email() + "\",\"firstname\":\"D\",\"consent\":true}");
        HttpResponse<String> b = postJson("/forms/" + f.name(), "{\"email\":\"" + fresh + "\",\"firstname\":\"D\",\"consent\":true}");
        assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(200);
        assertThat(a.body()).isEqualTo(b.body());
        for (int i = 0; i < 2; i++) {
            assertThat(postJson("/forms/" + f.name(), "{\"email\":\"" + fresh.toUpperCase() + "\",\"firstname\":\"D\","
                    + "\"consent\":true}").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = postJson("/forms/" + f.name(), "{\"email\":\"" + fresh + "\",\"firstname\":\"D\","
                + "\"consent\":true}");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void thePostsFromOneIpAreLimitedPerMinute() throws Exception {
        try (FormServer strict = new FormServer(Map.of("postsPerIpPerMinute", 2))) {
            strict.cb.bed.lists.create("news");
            Form f = strict.forms.create("strict", FormInput.builder().list("news").build());
            String base = strict.base;
            int[] codes = new int[3];
            for (int i = 0; i < 3; i++) {
                codes[i] = http.send(HttpRequest.newBuilder(URI.create(base + "/forms/" + f.name()))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"ip" + i + "@forms.test\"}")).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
            }
            assertThat(codes).containsExactly(200, 200, 429);
        }
    }

    @Test
    void aBrowserIsSentOnlyToTheConfiguredHosts() throws Exception {
        Form f = form();
        server.forms.update(f.name(), FormInput.builder().successUrl("https://www.example.com/thanks")
                .errorUrl("https://www.example.com/oops").build());
        HttpResponse<String> ok = postForm("/forms/" + f.name(), "email=" + enc(unique("eve") + "@forms.test")
                + "&firstname=Eve&consent=on");
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("https://www.example.com/thanks");
        HttpResponse<String> bad = postForm("/forms/" + f.name(), "email=x&consent=on");
        assertThat(bad.statusCode()).isEqualTo(303);
        assertThat(bad.headers().firstValue("Location")).hasValue("https://www.example.com/oops");
        // a redirect target is never taken from the post
        HttpResponse<String> sneaky = postForm("/forms/" + f.name() + "?redirect=https://evil.test", "email=y&consent=on");
        assertThat(sneaky.headers().firstValue("Location")).hasValue("https://www.example.com/oops");
    }

    @Test
    void oversizedAndUnknownBodiesAreRefused() throws Exception {
        Form f = form();
        String big = "email=" + "a".repeat(20_000) + "@forms.test";
        assertThat(postForm("/forms/" + f.name(), big).statusCode()).isEqualTo(413);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(server.base + "/forms/" + f.name()))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("email=a@b.test")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
        assertThat(postForm("/forms/" + f.name() + "/deeper/path", "x=1").statusCode()).isEqualTo(404);
    }

    @Test
    void theHostedPageShowsTheFormEscapedAndPrefillsFromAMailToken() throws Exception {
        Form f = form();
        Contact c = server.cb.bed.contacts.upsert(ContactInput.builder(unique("fay") + "@forms.test").field("firstname", "Fay")
                .build(), TestBed.ADMIN).contact();
        HttpResponse<String> page = get("/forms/" + f.name(), "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("First name").contains("Send me the &lt;b&gt;newsletter&lt;/b&gt;.")
                .contains("name=\"homepage\"").doesNotContain(c.email());
        String token = server.cb.tokens.issue(Token.of(TokenPurpose.PREFILL, c.id()));
        assertThat(get("/forms/" + f.name() + "?token=" + token, "text/html").body()).contains("value=\"" + c.email() + "\"")
                .contains("value=\"Fay\"");
        JsonNode described = json(get("/forms/" + f.name() + "?token=" + token, "application/json"));
        assertThat(described.get("fields").get(0).get("value").asText()).isEqualTo(c.email());
        assertThat(described.get("consent").get("version").asInt()).isEqualTo(1);
        assertThat(get("/forms/nosuchform", "text/html").statusCode()).isEqualTo(404);
    }

    @Test
    void withTheProofOfWorkEveryPostNeedsAFreshSolvedChallenge() throws Exception {
        try (FormServer guarded = new FormServer(Map.of("captcha", "pow", "powBits", 8))) {
            guarded.cb.bed.lists.create("news");
            Form f = guarded.forms.create("guarded", FormInput.builder().list("news").build());
            String url = guarded.base + "/forms/" + f.name();
            HttpResponse<String> without = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"p1@forms.test\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(without.statusCode()).isEqualTo(400);
            assertThat(json(without).get("errors").has("captcha")).isTrue();

            JsonNode challenge = json(http.send(HttpRequest.newBuilder(URI.create(url + "/captcha")).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
            String answer = solve(challenge.get("challenge").asText(), challenge.get("bits").asInt());
            String body = "{\"email\":\"p2@forms.test\",\"captcha\":\"" + answer + "\"}";
            HttpRequest post = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            assertThat(guarded.cb.bed.contacts.find("p2@forms.test")).isPresent();
            // the same answer again, or for another form, is refused
            assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
            String tampered = answer.replaceFirst("\\.guarded\\.", ".other.");
            assertThat(guarded.pow.verify("other", tampered, null)).isFalse();
        }
    }

    private static String solve(String challenge, int bits) {
        for (long nonce = 0; ; nonce++) {
            String s = challenge + ":" + nonce;
            if (PowCaptcha.leadingZeroBits(s) >= bits) {
                return s;
            }
        }
    }
}
