package org.herald.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.itests.Json.parse;
import static org.herald.itests.Json.uniqueEmail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The REST API under /herald/api/v1 (and its neighbour, the public application), over HTTP against the booted distribution. */
@Order(2)
@ExtendWith(HeraldExtension.class)
class RestApiIT {

    private static final String API = "/herald/api/v1";
    private static final Set<String> VERBS = Set.of("GET", "PUT", "POST", "DELETE", "PATCH", "HEAD", "OPTIONS");

    @Test
    void apiRefusesMissingWrongAndUnprivilegedCredentials(HeraldContainer herald) throws Exception {
        HttpResponse<String> none = herald.send("GET", API + "/contacts", null, null, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(parse(none.body()).path("error").asText()).isEqualTo("unauthorized");

        assertThat(herald.send("GET", API + "/contacts", null, null, "admin", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> viewer = herald.send("GET", API + "/contacts", null, null, HeraldContainer.VIEWER,
                HeraldContainer.VIEWER_PASSWORD);
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(parse(viewer.body()).path("error").asText()).isEqualTo("forbidden");

        Path audit = herald.home.resolve("data/security/audit.log");
        HeraldContainer.await("the failed login in " + audit, Duration.ofSeconds(10), () -> {
            try {
                return Files.exists(audit)
                        && Files.readString(audit).contains("Authentication failed - admin - http(127.0.0.1)");
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(Files.readString(audit)).contains("Authentication succeeded - " + HeraldContainer.VIEWER
                + " - http(127.0.0.1)");
        // the same lines, with the broker's logins, in the rolling security log
        HeraldContainer.await("the REST logins in security.log", Duration.ofSeconds(10), () -> {
            try {
                return Files.readString(herald.home.resolve("data/log/security.log"))
                        .contains("Authentication failed - admin - http(127.0.0.1)");
            } catch (IOException e) {
                return false;
            }
        });
        assertThat(herald.karafLog()).as("no login warns about the missing EventAdmin").doesNotContain("Unable to send security auditing");
    }

    @Test
    void upsertIsKeyedOnTheAddress(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("rest-upsert");
        HttpResponse<String> created = herald.admin("POST", API + "/contacts",
                "{\"email\":\"" + email + "\",\"status\":\"CONFIRMED\",\"tags\":[\"vip\"]}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode contact = parse(created.body());
        String id = contact.path("id").asText();
        assertThat(id).isNotBlank().doesNotContain("@");
        assertThat(contact.path("status").asText()).isEqualTo("CONFIRMED");

        HttpResponse<String> again = herald.admin("POST", API + "/contacts",
                "{\"email\":\"" + email.toUpperCase() + "\",\"tags\":[\"gold\"]}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(parse(again.body()).path("id").asText()).isEqualTo(id);
        assertThat(parse(again.body()).path("tags").toString()).contains("vip").contains("gold");

        assertThat(parse(herald.admin("GET", API + "/contacts/" + id, null).body()).path("email").asText()).isEqualTo(email);
        assertThat(parse(herald.admin("GET", API + "/contacts/" + email, null).body()).path("id").asText()).isEqualTo(id);
        HttpResponse<String> count = herald.admin("GET", API + "/contacts?search=" + email + "&limit=10&offset=0", null);
        assertThat(parse(count.body()).path("total").asLong()).isEqualTo(1);
        assertThat(parse(count.body()).path("items").get(0).path("id").asText()).isEqualTo(id);
    }

    @Test
    void invalidInputGetsAJsonErrorNamingTheField(HeraldContainer herald) throws Exception {
        HttpResponse<String> bad = herald.admin("POST", API + "/contacts", "{\"email\":\"not-an-address\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        JsonNode error = parse(bad.body());
        assertThat(error.path("error").asText()).isEqualTo("validation");
        assertThat(error.path("field").asText()).isEqualTo("email");
        assertThat(bad.body()).doesNotContain("Exception").doesNotContain("\tat ");

        HttpResponse<String> broken = herald.admin("POST", API + "/contacts", "{\"email\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("\tat ");

        assertThat(herald.admin("GET", API + "/contacts/nobody-here@example.org", null).statusCode()).isEqualTo(404);
    }

    @Test
    void fieldsListsAndTagsWorkTogether(HeraldContainer herald) throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "");
        String field = "age" + suffix;
        assertThat(herald.admin("POST", API + "/fields", "{\"name\":\"" + field + "\",\"type\":\"number\"}").statusCode())
                .isIn(200, 201);
        HttpResponse<String> upper = herald.admin("POST", API + "/fields", "{\"name\":\"Age\",\"type\":\"number\"}");
        assertThat(upper.statusCode()).isEqualTo(400);
        assertThat(parse(upper.body()).path("message").asText()).containsIgnoringCase("a-z");

        String list = "news-" + Long.toString(System.nanoTime(), 36);
        assertThat(herald.admin("POST", API + "/lists", "{\"name\":\"" + list + "\"}").statusCode()).isIn(200, 201);

        String email = uniqueEmail("rest-fields");
        HttpResponse<String> badValue = herald.admin("POST", API + "/contacts",
                "{\"email\":\"" + email + "\",\"fields\":{\"" + field + "\":\"forty\"}}");
        assertThat(badValue.statusCode()).isEqualTo(400);
        assertThat(parse(badValue.body()).path("field").asText()).isEqualTo(field);
        assertThat(parse(badValue.body()).path("message").asText()).contains("forty");

        HttpResponse<String> ok = herald.admin("POST", API + "/contacts",
                "{\"email\":\"" + email + "\",\"fields\":{\"" + field + "\":42},\"lists\":[\"" + list + "\"]}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(parse(ok.body()).path("fields").path(field).asLong()).isEqualTo(42);
        assertThat(parse(ok.body()).path("lists").toString()).contains(list);

        HttpResponse<String> inUse = herald.admin("DELETE", API + "/lists/" + list, null);
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(parse(inUse.body()).path("error").asText()).isEqualTo("in_use");
        assertThat(inUse.body()).contains("1 subscribed");
        assertThat(herald.admin("DELETE", API + "/lists/" + list + "?force=true", null).statusCode()).isIn(200, 204);
        assertThat(parse(herald.admin("GET", API + "/contacts/" + email, null).body()).path("lists").size()).isZero();

        HttpResponse<String> consent = herald.admin("GET", API + "/contacts/" + email + "/consent", null);
        assertThat(consent.statusCode()).isEqualTo(200);
        assertThat(consent.body()).contains("LIST_SUBSCRIBED").contains("\"API\"").contains("admin");
    }

    @Test
    void changingTheAddressToATakenOneIsAConflict(HeraldContainer herald) throws Exception {
        String a = uniqueEmail("rest-a");
        String b = uniqueEmail("rest-b");
        herald.admin("POST", API + "/contacts", "{\"email\":\"" + a + "\"}");
        herald.admin("POST", API + "/contacts", "{\"email\":\"" + b + "\"}");
        HttpResponse<String> clash = herald.admin("PATCH", API + "/contacts/" + a, "{\"email\":\"" + b + "\"}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(parse(clash.body()).path("error").asText()).isEqualTo("conflict");
    }

    @Test
    void mergePatchReplacesTheTagSet(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("rest-merge");
        herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"tags\":[\"a\",\"b\"]}");
        HttpResponse<String> merged = herald.send("PATCH", API + "/contacts/" + email, "{\"tags\":[\"b\",\"c\"]}",
                "application/merge-patch+json", "admin", "admin");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        assertThat(parse(merged.body()).path("tags").toString()).isEqualTo("[\"b\",\"c\"]");
    }

    @Test
    void unsubscribedContactCannotBeReconfirmedByTheApi(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("rest-unsub");
        herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"status\":\"UNSUBSCRIBED\"}");
        HttpResponse<String> lift = herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"status\":\"CONFIRMED\"}");
        assertThat(lift.statusCode()).isEqualTo(409);
        assertThat(parse(herald.admin("GET", API + "/contacts/" + email, null).body()).path("status").asText())
                .isEqualTo("UNSUBSCRIBED");
    }

    @Test
    void importReportsEveryBadRowAndKeepsTheGoodOnes(HeraldContainer herald) throws Exception {
        String good1 = uniqueEmail("imp-good1");
        String good2 = uniqueEmail("imp-good2");
        String csv = "\uFEFFemail,tags\r\n" + good1 + ",\"a|b\"\r\nnot-an-address,x\r\n" + good2 + ",c\r\n";
        HttpResponse<String> r = herald.send("POST", API + "/contacts/import", csv, "text/csv", "admin", "admin");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode report = parse(r.body());
        assertThat(report.path("created").asLong()).isEqualTo(2);
        assertThat(report.path("rejected").asLong()).isEqualTo(1);
        assertThat(report.path("errors").get(0).path("row").asLong()).isEqualTo(3);
        assertThat(report.path("errors").get(0).path("reason").asText()).contains("email").contains("not-an-address");

        HttpResponse<String> again = herald.send("POST", API + "/contacts/import", csv, "text/csv", "admin", "admin");
        assertThat(parse(again.body()).path("unchanged").asLong()).isEqualTo(2);
        assertThat(parse(again.body()).path("created").asLong()).isZero();
    }

    @Test
    void aMisspeltQueryParameterIsA400NamingItAndAnImportIsRecordedAsOne(HeraldContainer herald) throws Exception {
        String list = "qp-" + Long.toString(System.nanoTime(), 36);
        assertThat(herald.admin("POST", API + "/lists", "{\"name\":\"" + list + "\"}").statusCode()).isIn(200, 201);
        String email = uniqueEmail("rest-qp");
        String csv = "email\r\n" + email + "\r\n";
        HttpResponse<String> misspelt = herald.send("POST", API + "/contacts/import?lists=" + list, csv, "text/csv",
                "admin", "admin");
        assertThat(misspelt.statusCode()).as(misspelt.body()).isEqualTo(400);
        JsonNode refused = parse(misspelt.body());
        assertThat(refused.path("error").asText()).isEqualTo("validation");
        assertThat(refused.path("field").asText()).isEqualTo("lists");
        assertThat(refused.path("message").asText()).contains("unknown query parameter 'lists'").contains("list");
        assertThat(herald.admin("GET", API + "/contacts/" + email, null).statusCode()).isEqualTo(404);
        assertThat(herald.admin("GET", API + "/contacts?limt=5", null).statusCode()).isEqualTo(400);

        HttpResponse<String> imported = herald.send("POST", API + "/contacts/import?list=" + list, csv, "text/csv",
                "admin", "admin");
        assertThat(parse(imported.body()).path("created").asLong()).as(imported.body()).isEqualTo(1);
        JsonNode ledger = parse(herald.admin("GET", API + "/contacts/" + email + "/consent", null).body());
        assertThat(ledger.get(0).path("source").asText()).isEqualTo("IMPORT");
        assertThat(ledger.get(0).path("list").asText()).isEqualTo(list);
    }

    @Test
    void deleteRestoreExportAndForget(HeraldContainer herald) throws Exception {
        String email = uniqueEmail("rest-gdpr");
        String id = parse(herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\",\"status\":\"CONFIRMED\"}").body())
                .path("id").asText();
        assertThat(herald.admin("DELETE", API + "/contacts/" + id, null).statusCode()).isIn(200, 204);
        assertThat(herald.admin("GET", API + "/contacts/" + id, null).statusCode()).isEqualTo(404);
        assertThat(herald.admin("POST", API + "/contacts/" + id + "/restore", null).statusCode()).isEqualTo(200);
        assertThat(herald.admin("GET", API + "/contacts/" + id, null).statusCode()).isEqualTo(200);

        HttpResponse<String> export = herald.admin("GET", API + "/contacts/" + id + "/export", null);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains(email).contains("STATUS_CHANGED");

        assertThat(herald.admin("POST", API + "/contacts/" + id + "/forget", null).statusCode()).isIn(200, 204);
        assertThat(herald.admin("GET", API + "/contacts/" + email, null).statusCode()).isEqualTo(404);
        HttpResponse<String> readd = herald.admin("POST", API + "/contacts", "{\"email\":\"" + email + "\"}");
        assertThat(readd.statusCode()).isIn(400, 409);
        assertThat(parse(readd.body()).path("message").asText()).containsIgnoringCase("erased");
    }

    @Test
    void openApiDocumentDescribesTheApiToALoggedInUser(HeraldContainer herald) throws Exception {
        assertThat(herald.get(API + "/openapi.json", null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> doc = herald.get(API + "/openapi.json", HeraldContainer.ADMIN, HeraldContainer.ADMIN_PASSWORD);
        assertThat(doc.statusCode()).isEqualTo(200);
        JsonNode openapi = parse(doc.body());
        assertThat(openapi.path("openapi").asText()).startsWith("3.");
        assertThat(openapi.path("paths").has("/contacts")).isTrue();
        assertThat(openapi.path("paths").has("/contacts/import")).isTrue();
    }

    @Test
    void everyOperationOfTheAdminApiRefusesAnonymousCallers(HeraldContainer herald) throws Exception {
        JsonNode paths = parse(herald.get(API + "/openapi.json", HeraldContainer.ADMIN, HeraldContainer.ADMIN_PASSWORD)
                .body()).path("paths");
        List<String> checked = new ArrayList<>();
        List<String> open = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String verb = op.getKey().toUpperCase(Locale.ROOT);
            if (!VERBS.contains(verb)) {
                return;
            }
            String url = API + path.getKey().replaceAll("\\{[^}]+}", "probe");
            String body = verb.equals("GET") || verb.equals("DELETE") ? null : "{}";
            try {
                HttpResponse<String> r = herald.send(verb, url, body, "application/json", null, null);
                if (r.statusCode() != 401 || r.headers().firstValue("WWW-Authenticate").isEmpty()) {
                    open.add(verb + " " + url + " -> " + r.statusCode() + " " + r.body());
                }
                checked.add(verb + " " + url);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        assertThat(checked).as("operations in openapi.json").hasSizeGreaterThan(20).contains("GET " + API + "/health",
                "GET " + API + "/openapi.json");
        assertThat(open).as("admin operations answering without credentials").isEmpty();
        // Paths the document does not list are refused before routing, revealing nothing. (The bare
        // base without its slash is the servlet container's redirect to the base with it.)
        for (String undocumented : new String[] { API + "/", API + "/no-such-thing", API + "/health/details" }) {
            assertThat(herald.get(undocumented, null, null).statusCode()).as(undocumented).isEqualTo(401);
        }
    }

    @Test
    void publicAndAdminApplicationsBothAnswerAndNeitherShadowsTheOther(HeraldContainer herald) throws Exception {
        HttpResponse<String> publicHealth = herald.get(HeraldContainer.PUBLIC_HEALTH, null, null);
        assertThat(publicHealth.statusCode()).isEqualTo(200);
        assertThat(publicHealth.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");

        // /herald/api/v1/… is the admin application's (the longer base wins), not the public one's
        HttpResponse<String> adminHealth = herald.get(HeraldContainer.ADMIN_HEALTH, null, null);
        assertThat(adminHealth.statusCode()).isEqualTo(401);
        assertThat(parse(adminHealth.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(adminHealth.headers().firstValue("Referrer-Policy")).isEmpty();

        // and the public application serves no admin resource, with or without credentials
        for (String adminPath : new String[] { "/herald/contacts", "/herald/openapi.json", "/herald/tags" }) {
            HttpResponse<String> r = herald.get(adminPath, HeraldContainer.ADMIN, HeraldContainer.ADMIN_PASSWORD);
            assertThat(r.statusCode()).as(adminPath).isEqualTo(404);
            assertThat(r.body()).as(adminPath).isEqualTo("Not found.");
        }
    }
}
