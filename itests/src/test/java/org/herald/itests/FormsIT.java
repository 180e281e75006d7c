package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Subscription forms on the booted distribution: an admin defines a form at the console and over
 * REST; a website posts it (urlencoded and JSON) through the route; bad posts are refused with the
 * field named and change nothing; the confirmation message reaches the outbox and its link, followed
 * and confirmed in the page, makes the subscriber CONFIRMED on the form's list with the proof of the
 * post in the ledger.
 */
@Order(10)
@ExtendWith(HeraldExtension.class)
class FormsIT {

    private static final String API = "/herald/api/v1";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> postForm(HeraldContainer herald, String path, String body) throws IOException {
        return herald.send("POST", path, body, "application/x-www-form-urlencoded", null, null);
    }

    private static HttpResponse<String> postJson(HeraldContainer herald, String path, String body) throws IOException {
        return herald.send("POST", path, body, "application/json", null, null);
    }

    private static JsonNode contact(HeraldContainer herald, String email) throws IOException {
        return parse(herald.admin("GET", API + "/contacts/" + email, null).body());
    }

    @Test
    void aWebsiteFormSubscribesWithDoubleOptInAndProofOfConsent(HeraldContainer herald) throws Exception {
        String run = String.valueOf(System.nanoTime() % 1_000_000);
        String list = "formnews" + run;
        String form = "signup-" + run;
        if (herald.admin("GET", API + "/fields/firstname", null).statusCode() == 404) {
            herald.console("herald:field-add firstname text");
        }
        herald.console("herald:list-create " + list);
        String created = herald.console("herald:form-create -r firstname -l " + list
                + " --consent 'Send me the <b>weekly</b> news.' --title 'Weekly news' " + form);
        assertThat(created).contains("Created form " + form).contains("/herald/forms/" + form).contains("version 1");
        assertThat(herald.console("herald:form-list")).contains(form).contains(list);
        assertThat(herald.console("herald:form-show " + form)).contains("<form action=").contains("name=\"firstname\"");

        // REST: the same form, a new consent version, a redirect to a host not configured refused
        JsonNode read = parse(herald.admin("GET", API + "/forms/" + form, null).body());
        assertThat(read.path("doubleOptIn").asBoolean()).isTrue();
        assertThat(read.path("consent").path("version").asInt()).isEqualTo(1);
        HttpResponse<String> changed = herald.admin("PUT", API + "/forms/" + form,
                "{\"consentText\":\"Send me the <b>weekly</b> news and offers.\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(parse(changed.body()).path("consent").path("version").asInt()).isEqualTo(2);
        assertThat(parse(herald.admin("GET", API + "/forms/" + form + "/consent-texts", null).body())).hasSize(2);
        HttpResponse<String> evil = herald.admin("PUT", API + "/forms/" + form, "{\"successUrl\":\"https://evil.test/\"}");
        assertThat(evil.statusCode()).isEqualTo(400);
        assertThat(evil.body()).contains("successUrl").contains("evil.test");

        // the hosted page, escaped
        HttpResponse<String> page = herald.get("/herald/forms/" + form, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Weekly news").contains("Send me the &lt;b&gt;weekly&lt;/b&gt; news and offers.");

        // refused posts name the field and change nothing
        String email = uniqueEmail("formpost");
        HttpResponse<String> injected = postJson(herald, "/herald/forms/" + form, "{\"email\":\"" + email
                + "\",\"firstname\":\"Ann\\r\\nBcc: all@else.test\",\"consent\":true}");
        assertThat(injected.statusCode()).isEqualTo(400);
        assertThat(parse(injected.body()).path("errors").path("firstname").asText()).contains("line breaks");
        HttpResponse<String> missing = postJson(herald, "/herald/forms/" + form, "{\"email\":\"" + email + "\"}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(parse(missing.body()).path("errors").has("firstname")).isTrue();
        assertThat(parse(missing.body()).path("errors").has("consent")).isTrue();
        String bot = uniqueEmail("formbot");
        HttpResponse<String> honeypot = postForm(herald, "/herald/forms/" + form, "email=" + enc(bot)
                + "&firstname=Bot&consent=on&homepage=" + enc("http://spam.test"));
        assertThat(honeypot.statusCode()).isEqualTo(200);
        assertThat(herald.admin("GET", API + "/contacts/" + bot, null).statusCode()).isEqualTo(404);
        assertThat(herald.admin("GET", API + "/contacts/" + email, null).statusCode()).isEqualTo(404);

        // the post a browser sends
        HttpResponse<String> posted = postForm(herald, "/herald/forms/" + form, "email=" + enc(email)
                + "&firstname=Ann&consent=on&homepage=");
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.body()).contains("Almost done");
        assertThat(contact(herald, email).path("status").asText()).isEqualTo("PENDING");
        // a second post for the same address gets the same answer
        HttpResponse<String> again = postJson(herald, "/herald/forms/" + form, "{\"email\":\"" + email
                + "\",\"firstname\":\"Ann\",\"consent\":true}");
        HttpResponse<String> fresh = postJson(herald, "/herald/forms/" + form, "{\"email\":\"" + uniqueEmail("formother")
                + "\",\"firstname\":\"Other\",\"consent\":true}");
        assertThat(again.statusCode()).isEqualTo(fresh.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(fresh.body());

        // the confirmation message in the outbox; its link confirms on the page
        String eml = herald.systemMessageTo(email);
        assertThat(eml).doesNotContain("List-Unsubscribe");
        Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:\\d+(/herald/confirm/[A-Za-z0-9_.=-]+)").matcher(
                eml.replace("=\r\n", "").replace("=\n", ""));
        assertThat(link.find()).as(eml).isTrue();
        HttpResponse<String> confirmPage = herald.get(link.group(1), null, null);
        Matcher csrf = CSRF.matcher(confirmPage.body());
        assertThat(csrf.find()).as(confirmPage.body()).isTrue();
        HttpResponse<String> confirmed = postForm(herald, link.group(1), "csrf=" + enc(csrf.group(1)));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        JsonNode after = contact(herald, email);
        assertThat(after.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(after.path("lists").toString()).contains(list);
        JsonNode ledger = parse(herald.admin("GET", API + "/contacts/" + email + "/consent", null).body());
        boolean proof = false;
        for (JsonNode e : ledger) {
            if (list.equals(e.path("list").asText()) && "FORM".equals(e.path("source").asText())) {
                assertThat(e.path("formId").asText()).isEqualTo(form);
                assertThat(e.path("consentTextVersion").asText()).isEqualTo("2");
                assertThat(e.path("ip").asText()).isEqualTo("127.0.0.1");
                proof = true;
            }
        }
        assertThat(proof).as(ledger.toString()).isTrue();

        // a deleted form is gone for websites too
        assertThat(herald.console("herald:form-delete " + form)).contains("Deleted form");
        assertThat(postJson(herald, "/herald/forms/" + form, "{\"email\":\"" + email + "\"}").statusCode()).isEqualTo(404);
    }
}
