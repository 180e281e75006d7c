package org.herald.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.rest.internal.support.RestServer.json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.apache.cxf.jaxrs.client.WebClient;
import org.apache.cxf.transport.local.LocalConduit;
import org.herald.contacts.Choice;
import org.herald.contacts.FieldType;
import org.herald.rest.internal.support.RestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The API over CXF's in-memory transport in front of the real services and store: routing, auth,
 * JSON in and out, errors, import and export.
 */
class RestApiTest {

    private final RestServer rest = new RestServer(2048);

    /** The custom fields {@link #ALICE} fills in, one per JSON type. */
    @BeforeEach
    void fields() {
        rest.services.fields.create("city", FieldType.TEXT, "City", null);
        rest.services.fields.create("age", FieldType.NUMBER, "Age", null);
        rest.services.fields.create("price", FieldType.DECIMAL, "Price", null);
        rest.services.fields.create("vip", FieldType.BOOLEAN, "VIP", null);
        rest.services.fields.create("sizes", FieldType.MULTICHOICE, "Sizes",
                List.of(new Choice("s", Map.of()), new Choice("m", Map.of()), new Choice("l", Map.of())));
    }

    @AfterEach
    void close() {
        rest.close();
    }

    private static final String ALICE = "{\"email\":\"Alice@Example.com\",\"status\":\"CONFIRMED\","
            + "\"fields\":{\"city\":\"Tartu\",\"age\":42,\"price\":19.90,\"vip\":true,\"sizes\":[\"s\",\"m\"]},"
            + "\"tags\":[\"a\"],\"lists\":[]}";

    private Response post(String path, String json) {
        return rest.admin(path).type(MediaType.APPLICATION_JSON).post(json);
    }

    @Test
    void requestWithoutCredentialsIsRefusedWith401AndABasicChallenge() {
        Response r = rest.anonymous("contacts").get();
        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(r.getHeaderString("WWW-Authenticate")).startsWith("Basic realm=\"Herald\"");
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("unauthorized");
        assertThat(body.get("message").asText()).contains("herald-admin");
    }

    @Test
    void wrongPasswordIs401AndUserWithoutTheRoleIs403() {
        Response wrong = rest.as("admin", "nope", "contacts").get();
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(json(wrong).get("message").asText()).isEqualTo("wrong user name or password");

        Response viewer = rest.as("viewer", "secret", "contacts").get();
        assertThat(viewer.getStatus()).isEqualTo(403);
        JsonNode body = json(viewer);
        assertThat(body.get("error").asText()).isEqualTo("forbidden");
        assertThat(body.get("message").asText()).contains("viewer").contains("herald-admin");
    }

    @Test
    void malformedAuthorizationHeaderIs401NotAServerError() {
        Response r = rest.anonymous("contacts").header("Authorization", "Basic %%%not-base64").get();
        assertThat(r.getStatus()).isEqualTo(401);
        assertThat(json(r).get("message").asText()).contains("malformed Authorization header");
    }

    @Test
    void unknownPathIsRefusedBeforeRoutingAndIsA404JsonWithCredentials() {
        assertThat(rest.anonymous("secrets").get().getStatus()).isEqualTo(401);
        Response r = rest.admin("secrets").get();
        assertThat(r.getStatus()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void healthAndOpenApiOfTheAdminApiNeedALoginLikeEveryOtherPath() {
        assertThat(rest.anonymous("health").get().getStatus()).isEqualTo(401);
        assertThat(rest.anonymous("openapi.json").get().getStatus()).isEqualTo(401);
        assertThat(rest.anonymous("health").head().getStatus()).isEqualTo(401);

        Response health = rest.admin("health").get();
        assertThat(health.getStatus()).isEqualTo(200);
        JsonNode details = json(health);
        assertThat(details.get("status").asText()).isEqualTo("UP");
        assertThat(details.get("bundles").get("org.herald.rest").asText()).isEqualTo("ACTIVE");

        rest.ready(false);
        Response down = rest.admin("health").get();
        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(json(down).get("notReady").get(0).asText()).contains("org.herald.rest");

        Response openapi = rest.admin("openapi.json").get();
        assertThat(openapi.getStatus()).isEqualTo(200);
        assertThat(openapi.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE)).isTrue();
        assertThat(json(openapi).get("openapi").asText()).isEqualTo("3.0.3");
    }

    @Test
    void upsertCreatesWith201ThenUpdatesWith200AndSaysWhichInAHeader() {
        Response created = post("contacts", ALICE);
        assertThat(created.getStatus()).isEqualTo(201);
        assertThat(created.getHeaderString("X-Herald-Outcome")).isEqualTo("CREATED");
        JsonNode c = json(created);
        assertThat(created.getHeaderString("Location")).endsWith("/contacts/" + c.get("id").asText());
        assertThat(c.get("email").asText()).as("domain lower-cased, local part as given").isEqualTo("Alice@example.com");
        assertThat(c.get("fields").get("age").isIntegralNumber()).isTrue();
        assertThat(c.get("fields").get("price").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(c.get("fields").get("vip").asBoolean()).isTrue();
        assertThat(c.get("fields").get("sizes").size()).isEqualTo(2);
        assertThat(Duration.between(Instant.parse(c.get("created").asText()), Instant.now()).abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(c.has("deletedAt")).isTrue();
        assertThat(c.get("deletedAt").isNull()).isTrue();

        Response again = post("contacts", "{\"email\":\"alice@example.com\",\"tags\":[\"b\"]}");
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeaderString("X-Herald-Outcome")).isEqualTo("UPDATED");
        assertThat(json(again).get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
    }

    @Test
    void changesAreRecordedAsApiChangesByTheAuthenticatedUser() {
        String id = json(post("contacts", ALICE)).get("id").asText();
        JsonNode entry = json(rest.admin("contacts/" + id + "/consent").get()).get(0);
        assertThat(entry.get("source").asText()).isEqualTo("API");
        assertThat(entry.get("actor").asText()).isEqualTo("admin");
        assertThat(entry.get("toStatus").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void unknownPropertyIs400NamingIt() {
        Response r = post("contacts", "{\"email\":\"bob@example.com\",\"colour\":\"red\"}");
        assertThat(r.getStatus()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("bad_request");
        assertThat(body.get("field").asText()).isEqualTo("colour");
        assertThat(body.get("message").asText()).contains("colour").contains("email");
    }

    @Test
    void brokenJsonIs400WithLineAndColumn() {
        Response r = post("contacts", "{\"email\": \"bob@example.com\",,}");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).startsWith("the body is not valid JSON").contains("line 1");
    }

    @Test
    void emptyBodyIs400() {
        Response r = post("contacts", "");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).contains("empty");
    }

    @Test
    void invalidValueIsValidationErrorWithFieldAndValue() {
        Response r = post("contacts", "{\"email\":\"not-an-address\"}");
        assertThat(r.getStatus()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("validation");
        assertThat(body.get("field").asText()).isEqualTo("email");
        assertThat(body.get("value").asText()).isEqualTo("not-an-address");

        Response status = post("contacts", "{\"email\":\"a@b.c\",\"status\":\"HAPPY\"}");
        assertThat(json(status).get("field").asText()).isEqualTo("status");
    }

    @Test
    void missingContactIs404AndTakenAddressIs409() {
        Response missing = rest.admin("contacts/nobody@example.com").get();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).isEqualTo("not_found");

        post("contacts", ALICE);
        post("contacts", "{\"email\":\"bob@example.com\"}");
        Response taken = rest.admin("contacts/bob@example.com").type(MediaType.APPLICATION_JSON)
                .invoke("PATCH", "{\"email\":\"alice@example.com\"}");
        assertThat(taken.getStatus()).isEqualTo(409);
        assertThat(json(taken).get("error").asText()).isEqualTo("conflict");
    }

    private Response mergePatch(String path, String json) {
        return rest.admin(path).type("application/merge-patch+json").invoke("PATCH", json);
    }

    @Test
    void plainJsonPatchAddsTagsWhileAMergePatchReplacesTagsAndListsAsAWhole() {
        post("lists", "{\"name\":\"news\"}");
        post("lists", "{\"name\":\"offers\"}");
        String id = json(post("contacts", "{\"email\":\"ann@example.com\",\"tags\":[\"a\",\"b\"],"
                + "\"lists\":[\"news\",\"offers\"],\"fields\":{\"city\":\"Tartu\",\"age\":30}}")).get("id").asText();

        Response plain = rest.admin("contacts/" + id).type(MediaType.APPLICATION_JSON).invoke("PATCH", "{\"tags\":[\"c\"]}");
        assertThat(json(plain).get("tags").toString()).isEqualTo("[\"a\",\"b\",\"c\"]");

        Response merged = mergePatch("contacts/" + id,
                "{\"tags\":[\"b\",\"d\"],\"lists\":[\"offers\"],\"fields\":{\"city\":null,\"age\":31}}");
        assertThat(merged.getStatus()).isEqualTo(200);
        JsonNode c = json(merged);
        assertThat(c.get("tags").toString()).isEqualTo("[\"b\",\"d\"]");
        assertThat(c.get("lists").toString()).isEqualTo("[\"offers\"]");
        assertThat(c.get("fields").has("city")).isFalse();
        assertThat(c.get("fields").get("age").asLong()).isEqualTo(31);
        JsonNode left = json(rest.admin("contacts/" + id + "/consent").get());
        assertThat(left.toString()).as("leaving a list is in the ledger").contains("\"list\":\"news\"");

        JsonNode cleared = json(mergePatch("contacts/" + id, "{\"tags\":null,\"lists\":[],\"fields\":null}"));
        assertThat(cleared.get("tags").size()).isZero();
        assertThat(cleared.get("lists").size()).isZero();
        assertThat(cleared.get("fields").size()).isZero();
        assertThat(cleared.get("email").asText()).isEqualTo("ann@example.com");
    }

    @Test
    void mergePatchRefusesRemovingRequiredMembersAndAdditiveOperations() {
        String id = json(post("contacts", "{\"email\":\"ann@example.com\"}")).get("id").asText();
        Response noEmail = mergePatch("contacts/" + id, "{\"email\":null}");
        assertThat(noEmail.getStatus()).isEqualTo(400);
        assertThat(json(noEmail).get("field").asText()).isEqualTo("email");
        Response additive = mergePatch("contacts/" + id, "{\"removeTags\":[\"a\"]}");
        assertThat(additive.getStatus()).isEqualTo(400);
        assertThat(json(additive).get("message").asText()).contains("replace as a whole");
        Response badTags = mergePatch("contacts/" + id, "{\"tags\":\"a\"}");
        assertThat(json(badTags).get("field").asText()).isEqualTo("tags");
        Response badField = mergePatch("contacts/" + id, "{\"fields\":{\"age\":\"old\"}}");
        assertThat(json(badField).get("field").asText()).isEqualTo("age");
        assertThat(mergePatch("contacts/nobody@example.com", "{\"tags\":[]}").getStatus()).isEqualTo(404);
    }

    @Test
    void literalSubPathsWinOverTheContactIdTemplate() {
        post("contacts", ALICE);
        Response count = rest.admin("contacts/count").get();
        assertThat(count.getStatus()).isEqualTo(200);
        assertThat(json(count).get("count").asLong()).isEqualTo(1);

        Response page = rest.admin("contacts").query("limit", "10").get();
        JsonNode p = json(page);
        assertThat(p.get("total").asLong()).isEqualTo(1);
        assertThat(p.get("limit").asInt()).isEqualTo(10);
        assertThat(p.get("items").get(0).get("email").asText()).isEqualTo("Alice@example.com");
    }

    @Test
    void badQueryParameterIs400NamingIt() {
        Response r = rest.admin("contacts").query("limit", "lots").get();
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("limit");
        Response tooMany = rest.admin("contacts").query("limit", "5000").get();
        assertThat(json(tooMany).get("field").asText()).isEqualTo("limit");
    }

    @Test
    void contactLifecycleThroughSubResources() {
        String id = json(post("contacts", ALICE)).get("id").asText();
        post("lists", "{\"name\":\"news\"}");
        assertThat(json(rest.admin("contacts/" + id + "/lists/news").put(null)).get("lists").toString())
                .isEqualTo("[\"news\"]");
        assertThat(json(post("contacts/" + id + "/tags", "{\"tags\":[\"x\",\"y\"]}")).get("tags").toString())
                .isEqualTo("[\"a\",\"x\",\"y\"]");
        assertThat(json(rest.admin("contacts/" + id + "/tags/x").delete()).get("tags").toString())
                .isEqualTo("[\"a\",\"y\"]");
        Response unsub = rest.admin("contacts/" + id + "/status").type(MediaType.APPLICATION_JSON)
                .put("{\"status\":\"UNSUBSCRIBED\"}");
        assertThat(json(unsub).get("status").asText()).isEqualTo("UNSUBSCRIBED");
        Response relift = rest.admin("contacts/" + id + "/status").type(MediaType.APPLICATION_JSON)
                .put("{\"status\":\"CONFIRMED\"}");
        assertThat(relift.getStatus()).isEqualTo(409);
        assertThat(json(rest.admin("contacts/" + id + "/consent").get()).get(0).get("source").asText()).isEqualTo("API");
        assertThat(json(rest.admin("contacts/" + id + "/export").get()).get("contact").get("id").asText()).isEqualTo(id);
        Response deleted = rest.admin("contacts/" + id).delete();
        assertThat(Instant.parse(json(deleted).get("deletedAt").asText())).isBeforeOrEqualTo(Instant.now());
        assertThat(rest.admin("contacts/" + id).get().getStatus()).isEqualTo(404);
        assertThat(rest.admin("contacts/" + id + "/restore").post(null).getStatus()).isEqualTo(200);
        assertThat(rest.admin("contacts/" + id + "/forget").post(null).getStatus()).isEqualTo(204);
        assertThat(rest.admin("contacts/" + id).get().getStatus()).isEqualTo(404);
    }

    @Test
    void importReadsTheCsvBodyWithTheQueryOptionsAndReturnsTheReport() {
        post("lists", "{\"name\":\"news\"}");
        post("lists", "{\"name\":\"offers\"}");
        String csv = "email;city\r\nann@example.com;Tartu\r\nnot an address;Riga\r\nbo@example.com;\"Pärnu; Estonia\"\r\n";
        Response r = rest.admin("contacts/import").query("list", "news").query("list", "offers").query("tag", "fair")
                .query("delimiter", ";").type("text/csv").post(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode report = json(r);
        assertThat(report.get("created").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("reason").asText()).contains("not an address");
        JsonNode bo = json(rest.admin("contacts/bo@example.com").get());
        assertThat(bo.get("fields").get("city").asText()).isEqualTo("Pärnu; Estonia");
        assertThat(bo.get("lists").toString()).isEqualTo("[\"news\",\"offers\"]");
        assertThat(bo.get("tags").toString()).isEqualTo("[\"fair\"]");
        JsonNode joined = json(rest.admin("contacts/bo@example.com/consent").get()).get(0);
        // an import is recorded as one, whoever sends it
        assertThat(joined.get("source").asText()).isEqualTo("IMPORT");
        assertThat(joined.get("actor").asText()).isEqualTo("admin");
    }

    @Test
    void aQueryParameterTheOperationDoesNotTakeIsA400NamingIt() {
        post("lists", "{\"name\":\"news\"}");
        Response r = rest.admin("contacts/import").query("lists", "news").type("text/csv")
                .post("email\r\nann@example.com\r\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatus()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("validation");
        assertThat(body.get("field").asText()).isEqualTo("lists");
        assertThat(body.get("message").asText()).contains("unknown query parameter 'lists'").contains("list, map");
        assertThat(rest.services.contacts.find("ann@example.com")).isEmpty();

        Response two = rest.admin("contacts").query("limt", "5").query("Status", "CONFIRMED").get();
        assertThat(two.getStatus()).isEqualTo(400);
        assertThat(json(two).get("message").asText()).contains("unknown query parameters 'Status', 'limt'")
                .contains("deleted, limit, list, offset, search, status, tag");
        assertThat(rest.admin("contacts/count").query("status", "CONFIRMED").get().getStatus()).isEqualTo(200);
        assertThat(json(rest.admin("lists").query("x", "1").get()).get("message").asText())
                .contains("unknown query parameter 'x'");
    }

    @Test
    void aContactWhoLeftAListThemselvesIsNotPutBackThroughTheApi() {
        post("lists", "{\"name\":\"news\"}");
        String id = json(post("contacts", "{\"email\":\"ann@example.com\",\"lists\":[\"news\"]}")).get("id").asText();
        rest.services.contacts.unsubscribe(id, "news",
                org.herald.contacts.ChangeContext.builder(org.herald.contacts.ConsentSource.MESSAGE).actor("link").build());

        Response put = rest.admin("contacts/" + id + "/lists/news").put(null);
        assertThat(put.getStatus()).isEqualTo(409);
        assertThat(json(put).get("message").asText()).contains("ann@example.com").contains(id).contains("'news'")
                .contains("left the list").contains("themselves");
        Response patch = rest.admin("contacts/" + id).type(MediaType.APPLICATION_JSON).invoke("PATCH", "{\"lists\":[\"news\"]}");
        assertThat(patch.getStatus()).isEqualTo(409);
        Response imported = rest.admin("contacts/import").query("list", "news").type("text/csv")
                .post("email\r\nbob@example.com\r\nann@example.com\r\n".getBytes(StandardCharsets.UTF_8));
        JsonNode report = json(imported);
        assertThat(report.get("created").asLong()).isEqualTo(1);
        assertThat(report.get("errors").get(0).get("row").asLong()).isEqualTo(3);
        assertThat(report.get("errors").get(0).get("reason").asText()).contains("left the list 'news'");
        assertThat(json(rest.admin("contacts/" + id).get()).get("lists").size()).isZero();
    }

    @Test
    void importTakesAPresetAMappingAndADryRun() {
        String csv = "Email Address,First Name,MEMBER_RATING,LEID,TAGS\r\nann@example.com,Ann,4,1001,\"\"\"vip\"\"\"\r\n";
        Response dry = rest.admin("contacts/import").query("preset", "mailchimp").query("map", "First Name=-")
                .query("dryRun", "true").type("text/csv").post(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(dry.getStatus()).isEqualTo(200);
        JsonNode report = json(dry);
        assertThat(report.get("dryRun").asBoolean()).isTrue();
        assertThat(report.get("created").asLong()).isEqualTo(1);
        assertThat(report.get("columns").get("Email Address").asText()).isEqualTo("email");
        assertThat(report.get("columns").get("First Name").asText()).isEqualTo("-");
        assertThat(report.get("ignoredColumns").toString()).contains("MEMBER_RATING").contains("LEID");
        assertThat(rest.admin("contacts/ann@example.com").get().getStatus()).as("nothing written").isEqualTo(404);

        Response real = rest.admin("contacts/import").query("preset", "mailchimp").type("text/csv")
                .post(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(json(real).get("created").asLong()).isEqualTo(1);
        JsonNode ann = json(rest.admin("contacts/ann@example.com").get());
        assertThat(ann.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(ann.get("tags").toString()).isEqualTo("[\"vip\"]");

        Response bad = rest.admin("contacts/import").query("map", "nonsense").type("text/csv")
                .post(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.readEntity(String.class)).contains("Column=target");
    }

    @Test
    void importStreamingPastTheLimitIs413() {
        byte[] big = ("email\r\n" + "someone@example.com\r\n".repeat(200)).getBytes(StandardCharsets.UTF_8);
        WebClient client = rest.admin("contacts/import").type("text/csv");
        // Hand the whole body over in memory: with the piped default the server's early answer
        // closes the pipe under the writing client, which says nothing about the API.
        WebClient.getConfig(client).getRequestContext().put(LocalConduit.DIRECT_DISPATCH, Boolean.TRUE);
        Response r = client.post(big);
        assertThat(r.getStatus()).isEqualTo(413);
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("too_large");
        assertThat(body.get("message").asText()).contains("2048").contains("import.maxBytes");
        assertThat(json(rest.admin("contacts/count").get()).get("count").asLong())
                .as("rows past the limit are never read").isLessThan(2048 / 21);
    }

    @Test
    void importDeclaringALengthOverTheLimitIs413BeforeReading() {
        Response r = rest.admin("contacts/import").type("text/csv").header("Content-Length", "999999")
                .post("email\r\na@example.com\r\n");
        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(json(rest.admin("contacts/count").get()).get("count").asLong()).isZero();
    }

    @Test
    void importThatIsNotUtf8Is400() {
        byte[] latin1 = "email,city\r\nann@example.com,P\u00e4rnu\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Response r = rest.admin("contacts/import").type("text/csv").post(latin1);
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(json(r).get("message").asText()).contains("UTF-8");
    }

    @Test
    void importWithJsonContentTypeIs415WithAHint() {
        Response r = rest.admin("contacts/import").type(MediaType.APPLICATION_JSON).post("{}");
        assertThat(r.getStatus()).isEqualTo(415);
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(body.get("message").asText()).contains("text/csv");
    }

    @Test
    void aWrongMethodAndAnUnanswerableAcceptSayWhatTheyAre() {
        Response method = rest.admin("contacts").type(MediaType.APPLICATION_JSON).put("{}");
        assertThat(method.getStatus()).isEqualTo(405);
        JsonNode body = json(method);
        assertThat(body.get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(body.get("message").asText()).contains("GET").contains("POST");

        Response accept = rest.admin("contacts").replaceHeader("Accept", "image/png").get();
        assertThat(accept.getStatus()).isEqualTo(406);
        assertThat(json(accept).get("error").asText()).isEqualTo("not_acceptable");
    }

    @Test
    void bulkExportStreamsCsvOrJson() {
        post("contacts", ALICE);
        Response csv = rest.admin("contacts/export").query("format", "csv").get();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getMediaType().toString()).startsWith("text/csv");
        String[] lines = csv.readEntity(String.class).split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,email,status,city,age,price,vip,sizes,tags,lists,");
        assertThat(lines[1]).contains(",Alice@example.com,CONFIRMED,Tartu,42,19.9,true,s|m,a,");
        Response js = rest.admin("contacts/export").query("format", "json").get();
        assertThat(json(js).get(0).get("email").asText()).isEqualTo("Alice@example.com");
        Response bad = rest.admin("contacts/export").query("format", "xml").get();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(json(bad).get("field").asText()).isEqualTo("format");
    }

    @Test
    void aDatabaseThatWentAwayIs503WithRetryAfterAndWithoutInternals() {
        rest.services.dropDatabase();
        Response r = rest.admin("contacts/anyone@example.com").get();
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getHeaderString("Retry-After")).isNotBlank();
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("unavailable");
        assertThat(body.toString()).doesNotContain("Derby").doesNotContain("SQL").doesNotContain("Exception")
                .doesNotContain("at org.");
        assertThat(body.get("message").asText()).contains("reference");
    }

    @Test
    void fieldsAreCreatedReadPatchedAndGetChoices() {
        Response created = post("fields", "{\"name\":\"size\",\"type\":\"choice\",\"label\":\"Size\","
                + "\"choices\":[{\"value\":\"s\",\"labels\":{\"en\":\"Small\"}}]}");
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode f = json(created);
        assertThat(f.get("type").asText()).isEqualTo("choice");
        assertThat(f.get("choices").get(0).get("labels").get("en").asText()).isEqualTo("Small");

        Response choices = rest.admin("fields/size/choices").type(MediaType.APPLICATION_JSON)
                .put("[{\"value\":\"m\"},{\"value\":\"l\",\"labels\":{\"et\":\"Suur\"}}]");
        assertThat(json(choices).get("choices").size()).isEqualTo(2);
        Response wrapped = rest.admin("fields/size/choices").type(MediaType.APPLICATION_JSON)
                .put("{\"choices\":[{\"value\":\"xl\"}]}");
        assertThat(json(wrapped).get("choices").get(0).get("value").asText()).isEqualTo("xl");

        Response patched = rest.admin("fields/size").type(MediaType.APPLICATION_JSON)
                .invoke("PATCH", "{\"visible\":false,\"position\":7}");
        assertThat(json(patched).get("visible").asBoolean()).isFalse();
        assertThat(json(rest.admin("fields/size").get()).get("position").asInt()).isEqualTo(7);

        Response retype = rest.admin("fields/size").type(MediaType.APPLICATION_JSON).invoke("PATCH", "{\"type\":\"text\"}");
        assertThat(retype.getStatus()).isEqualTo(400);
        assertThat(json(retype).get("field").asText()).isEqualTo("type");

        Response badType = post("fields", "{\"name\":\"x\",\"type\":\"colour\"}");
        assertThat(json(badType).get("field").asText()).isEqualTo("type");
        assertThat(rest.admin("fields/nosuch").get().getStatus()).isEqualTo(404);
        List<String> names = new ArrayList<>();
        json(rest.admin("fields").get()).forEach(field -> names.add(field.get("name").asText()));
        assertThat(names).contains("size", "city").doesNotContain("x");
    }

    @Test
    void listInUseIsRefusedWithUsagesUnlessForced() {
        assertThat(post("lists", "{\"name\":\"news\",\"texts\":{\"en\":{\"publicName\":\"News\"}}}").getStatus())
                .isEqualTo(201);
        String id = json(post("contacts", ALICE)).get("id").asText();
        rest.admin("contacts/" + id + "/lists/news").put(null);

        Response refused = rest.admin("lists/news").delete();
        assertThat(refused.getStatus()).isEqualTo(409);
        JsonNode body = json(refused);
        assertThat(body.get("error").asText()).isEqualTo("in_use");
        assertThat(body.get("usages").get(0).asText()).isEqualTo("1 subscribed contact");

        Response text = rest.admin("lists/news/texts/et").type(MediaType.APPLICATION_JSON)
                .put("{\"publicName\":\"Uudised\",\"description\":\"Kord nädalas\"}");
        assertThat(json(text).get("texts").get("et").get("publicName").asText()).isEqualTo("Uudised");
        Response renamed = rest.admin("lists/news").type(MediaType.APPLICATION_JSON).invoke("PATCH", "{\"name\":\"weekly\"}");
        assertThat(json(renamed).get("name").asText()).isEqualTo("weekly");
        assertThat(rest.admin("lists/weekly").query("force", "true").delete().getStatus()).isEqualTo(204);
        assertThat(json(rest.admin("lists").get()).size()).isZero();
    }

    @Test
    void tagsAreListedWithCounts() {
        post("contacts", ALICE);
        JsonNode tags = json(rest.admin("tags").get());
        assertThat(tags.get(0).get("name").asText()).isEqualTo("a");
        assertThat(tags.get(0).get("contacts").asLong()).isEqualTo(1);
    }
}
