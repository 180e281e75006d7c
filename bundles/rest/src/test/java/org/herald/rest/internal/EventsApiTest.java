package org.herald.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.rest.internal.support.RestServer.json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.contacts.internal.events.OrdersListener;
import org.herald.contacts.internal.events.ScoringListener;
import org.herald.events.EventTypes;
import org.herald.events.spi.ContactEventListener;
import org.herald.rest.internal.support.RestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /events} and the timeline on the contact ({@code GET /contacts/{idOrEmail}/events},
 * the metrics and activity on {@code GET /contacts/{idOrEmail}}) over CXF's in-memory transport in
 * front of the real event service on the real store.
 */
class EventsApiTest {

    private final RestServer rest = new RestServer(2048);

    @AfterEach
    void close() {
        rest.close();
    }

    private Response post(String path, String json) {
        return rest.admin(path).type(MediaType.APPLICATION_JSON).post(json);
    }

    private String contact(String email) {
        return json(post("contacts", "{\"email\":\"" + email + "\"}")).get("id").asText();
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("items").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    @Test
    void oneStoredEventIs201AndTheSameIdAgainIsADuplicateWith200() {
        String id = contact("ann@example.com");
        String purchase = "{\"id\":\"order-1001\",\"type\":\"purchase\",\"email\":\"ann@example.com\","
                + "\"properties\":{\"value\":49.90,\"currency\":\"EUR\"}}";

        Response stored = post("events", purchase);
        assertThat(stored.getStatus()).isEqualTo(201);
        assertThat(stored.getHeaderString("X-Herald-Outcome")).isEqualTo("STORED");
        JsonNode report = json(stored);
        assertThat(report.get("stored").asInt()).isEqualTo(1);
        JsonNode result = report.get("results").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("STORED");
        assertThat(result.get("id").asText()).isEqualTo("order-1001");
        assertThat(result.get("contact").asText()).isEqualTo(id);
        assertThat(result.get("sequence").asLong()).isPositive();

        Response again = post("events", purchase);
        assertThat(again.getStatus()).isEqualTo(200);
        assertThat(again.getHeaderString("X-Herald-Outcome")).isEqualTo("DUPLICATE");
        JsonNode dup = json(again);
        assertThat(dup.get("duplicates").asInt()).isEqualTo(1);
        assertThat(dup.get("stored").asInt()).isZero();

        String raw = rest.admin("contacts/" + id + "/events").query("type", "purchase").get().readEntity(String.class);
        assertThat(raw).as("the decimal kept as sent").contains("\"value\":49.90");
        JsonNode purchases = json(rest.admin("contacts/" + id + "/events").query("type", "purchase").get());
        assertThat(purchases.get("total").asLong()).as("stored once").isEqualTo(1);
        JsonNode event = purchases.get("items").get(0);
        assertThat(event.get("properties").get("value").decimalValue()).isEqualByComparingTo("49.90");
        assertThat(event.get("source").asText()).isEqualTo("API");
        assertThat(event.get("actor").asText()).isEqualTo("admin");
    }

    @Test
    void aRejectedEventIs400NamingTheFieldAndAnUnknownContactIs404UnlessItAsksToCreateIt() {
        contact("ann@example.com");
        Response herald = post("events", "{\"type\":\"subscribed\",\"email\":\"ann@example.com\"}");
        assertThat(herald.getStatus()).isEqualTo(400);
        JsonNode body = json(herald);
        assertThat(body.get("error").asText()).isEqualTo("validation");
        assertThat(body.get("field").asText()).isEqualTo("type");
        assertThat(body.get("message").asText()).contains("written by Herald");

        Response noValue = post("events", "{\"type\":\"purchase\",\"email\":\"ann@example.com\"}");
        assertThat(json(noValue).get("field").asText()).isEqualTo("properties.value");

        Response badTime = post("events", "{\"type\":\"cart\",\"email\":\"ann@example.com\",\"occurredAt\":\"monday\"}");
        assertThat(badTime.getStatus()).isEqualTo(400);
        assertThat(json(badTime).get("field").asText()).isEqualTo("occurredAt");

        Response unknownMember = post("events", "{\"type\":\"cart\",\"email\":\"ann@example.com\",\"colour\":\"red\"}");
        assertThat(unknownMember.getStatus()).isEqualTo(400);
        assertThat(json(unknownMember).get("field").asText()).isEqualTo("colour");

        Response unknown = post("events", "{\"type\":\"page_visit\",\"email\":\"bob@example.com\"}");
        assertThat(unknown.getStatus()).isEqualTo(404);
        JsonNode missing = json(unknown);
        assertThat(missing.get("error").asText()).isEqualTo("not_found");
        assertThat(missing.get("field").asText()).isEqualTo("email");
        assertThat(missing.get("message").asText()).contains("createContact");
        assertThat(rest.admin("contacts/bob@example.com").get().getStatus()).as("no contact created").isEqualTo(404);

        Response created = post("events", "{\"type\":\"page_visit\",\"email\":\"bob@example.com\",\"createContact\":true,"
                + "\"properties\":{\"url\":\"https://shop.example.com/\"}}");
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode bob = json(rest.admin("contacts/bob@example.com").get());
        assertThat(bob.get("id").asText()).isEqualTo(json(created).get("results").get(0).get("contact").asText());
        assertThat(bob.get("activity").get("countsByType").get("page_visit").asLong()).isEqualTo(1);
    }

    @Test
    void aBatchWithMixedResultsIs200WithCountsAndOneResultPerEventInOrder() {
        String id = contact("ann@example.com");
        String batch = "[{\"id\":\"v-1\",\"type\":\"page_visit\",\"email\":\"ann@example.com\"},"
                + "{\"type\":\"purchase\",\"contact\":\"" + id + "\",\"properties\":{\"value\":10}},"
                + "{\"type\":\"Not A Type\",\"email\":\"ann@example.com\"},"
                + "{\"type\":\"cart\",\"email\":\"nobody@example.com\"},"
                + "42,"
                + "{\"id\":\"v-1\",\"type\":\"page_visit\",\"email\":\"ann@example.com\"}]";

        Response r = post("events", batch);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getHeaderString("X-Herald-Outcome")).as("a batch has no single outcome").isNull();
        JsonNode report = json(r);
        assertThat(report.get("stored").asInt()).isEqualTo(2);
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("unknownContacts").asInt()).isEqualTo(1);
        assertThat(report.get("duplicates").asInt()).isEqualTo(1);
        JsonNode results = report.get("results");
        assertThat(results.size()).isEqualTo(6);
        for (int i = 0; i < 6; i++) {
            assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
        }
        assertThat(results.get(1).get("outcome").asText()).isEqualTo("STORED");
        assertThat(results.get(2).get("field").asText()).isEqualTo("type");
        assertThat(results.get(3).get("outcome").asText()).isEqualTo("UNKNOWN_CONTACT");
        assertThat(results.get(4).get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(results.get(5).get("outcome").asText()).isEqualTo("DUPLICATE");

        Response empty = post("events", "[]");
        assertThat(empty.getStatus()).isEqualTo(200);
        assertThat(json(empty).get("results").size()).isZero();
    }

    @Test
    void aBodyThatIsNotAnEventIsRefusedWhole() {
        Response scalar = post("events", "\"purchase\"");
        assertThat(scalar.getStatus()).isEqualTo(400);
        assertThat(json(scalar).get("message").asText()).contains("event object or an array");
        Response broken = post("events", "{\"type\":");
        assertThat(broken.getStatus()).isEqualTo(400);
        assertThat(json(broken).get("message").asText()).startsWith("the body is not valid JSON");
        Response empty = post("events", "");
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat(json(empty).get("message").asText()).contains("empty");
        assertThat(rest.admin("events").type("text/plain").post("{}").getStatus()).isEqualTo(415);
        assertThat(rest.anonymous("events").type(MediaType.APPLICATION_JSON).post("{}").getStatus()).isEqualTo(401);
    }

    @Test
    void timelineIsNewestFirstFilteredByTypeAndTimeAndPaged() {
        String id = contact("ann@example.com");
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String batch = "[" + event("page_visit", now.minus(4, ChronoUnit.DAYS), "")
                + "," + event("page_visit", now.minus(3, ChronoUnit.DAYS), "")
                + "," + event("purchase", now.minus(2, ChronoUnit.DAYS), ",\"properties\":{\"value\":5}")
                + "," + event("cart", now.minus(1, ChronoUnit.DAYS), "") + "]";
        assertThat(json(post("events", batch)).get("stored").asInt()).isEqualTo(4);

        JsonNode all = json(rest.admin("contacts/ann@example.com/events").get());
        assertThat(all.get("total").asLong()).as("the four and the contact's creation").isEqualTo(5);
        assertThat(all.get("offset").asInt()).isZero();
        assertThat(all.get("limit").asInt()).isEqualTo(50);
        assertThat(types(all)).containsExactly("created", "cart", "purchase", "page_visit", "page_visit");
        JsonNode cart = all.get("items").get(1);
        assertThat(cart.get("contact").asText()).isEqualTo(id);
        assertThat(Instant.parse(cart.get("occurredAt").asText())).isEqualTo(now.minus(1, ChronoUnit.DAYS));
        assertThat(cart.has("properties")).isTrue();
        assertThat(cart.get("sequence").asLong()).isPositive();

        JsonNode visits = json(rest.admin("contacts/" + id + "/events").query("type", "page_visit").get());
        assertThat(visits.get("total").asLong()).isEqualTo(2);
        assertThat(Instant.parse(visits.get("items").get(0).get("occurredAt").asText()))
                .isEqualTo(now.minus(3, ChronoUnit.DAYS));
        assertThat(types(json(rest.admin("contacts/" + id + "/events").query("type", "page_visit,purchase").get())))
                .containsExactly("purchase", "page_visit", "page_visit");
        assertThat(types(json(rest.admin("contacts/" + id + "/events").query("type", "cart").query("type", "purchase")
                .get()))).containsExactly("cart", "purchase");

        JsonNode window = json(rest.admin("contacts/" + id + "/events")
                .query("since", now.minus(3, ChronoUnit.DAYS).toString())
                .query("until", now.minus(1, ChronoUnit.DAYS).toString()).get());
        assertThat(types(window)).as("since inclusive, until exclusive").containsExactly("purchase", "page_visit");

        JsonNode page = json(rest.admin("contacts/" + id + "/events").query("limit", "2").query("offset", "1").get());
        assertThat(page.get("total").asLong()).isEqualTo(5);
        assertThat(page.get("limit").asInt()).isEqualTo(2);
        assertThat(types(page)).containsExactly("cart", "purchase");
    }

    private static String event(String type, Instant at, String more) {
        return "{\"type\":\"" + type + "\",\"email\":\"ann@example.com\",\"occurredAt\":\"" + at + "\"" + more + "}";
    }

    @Test
    void badTimelineParametersAre400NamingTheParameter() {
        String id = contact("ann@example.com");
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("limit", new String[] {"limit", "lots"});
        cases.put("limit too big", new String[] {"limit", "5000"});
        cases.put("offset", new String[] {"offset", "-1"});
        cases.put("since", new String[] {"since", "yesterday"});
        cases.put("type", new String[] {"type", "Purchase!"});
        cases.forEach((what, param) -> {
            Response r = rest.admin("contacts/" + id + "/events").query(param[0], param[1]).get();
            assertThat(r.getStatus()).as(what).isEqualTo(400);
            JsonNode body = json(r);
            assertThat(body.get("field").asText()).as(what).isEqualTo(param[0]);
            assertThat(body.get("message").asText()).as(what).contains(param[0]);
        });
        Response backwards = rest.admin("contacts/" + id + "/events").query("since", "2026-02-01")
                .query("until", "2026-01-01T00:00:00+02:00").get();
        assertThat(backwards.getStatus()).isEqualTo(400);
        assertThat(json(backwards).get("field").asText()).isEqualTo("until");
        assertThat(rest.admin("contacts/" + id + "/events").query("since", "2026-01-01").get().getStatus()).isEqualTo(200);
        Response unknown = rest.admin("contacts/" + id + "/events").query("colour", "red").get();
        assertThat(unknown.getStatus()).as("an unknown query parameter is refused, as on every other operation")
                .isEqualTo(400);
        assertThat(json(unknown).get("field").asText()).isEqualTo("colour");
        assertThat(rest.admin("contacts/nobody@example.com/events").get().getStatus()).isEqualTo(404);
    }

    @Test
    void theContactCarriesScoreStageAndOrderFiguresAfterPurchasesAndItsActivityOnlyWhenReadAlone() {
        String id = contact("ann@example.com");
        ScoringListener scoring = new ScoringListener(rest.services.bed().stores.events(), rest.services.bed().stores.settings(), rest.services.bed().scoring);
        OrdersListener orders = new OrdersListener(rest.services.bed().stores.events());
        rest.services.bed().dispatcher().addListener(scoring, Map.of(ContactEventListener.NAME, "herald.scoring"));
        rest.services.bed().dispatcher().addListener(orders, Map.of(ContactEventListener.NAME, "herald.orders",
                ContactEventListener.TYPES, new String[] {EventTypes.PURCHASE}));
        Instant last = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        post("events", "[{\"type\":\"purchase\",\"email\":\"ann@example.com\",\"properties\":{\"value\":30.00},"
                + "\"occurredAt\":\"" + last.minusSeconds(60) + "\"},"
                + "{\"type\":\"purchase\",\"email\":\"ann@example.com\",\"properties\":{\"value\":20.50,\"currency\":\"EUR\"},"
                + "\"occurredAt\":\"" + last + "\"}]");

        await("two orders and 20 points on the contact", () -> {
            JsonNode m = json(rest.admin("contacts/" + id).get()).get("metrics");
            return m.get("orderNumber").asLong() == 2 && m.get("score").asLong() == 20;
        });
        JsonNode c = json(rest.admin("contacts/" + id).get());
        JsonNode m = c.get("metrics");
        assertThat(m.get("stage").asText()).isEqualTo("warm");
        assertThat(m.get("orderSummary").decimalValue()).isEqualByComparingTo("50.50");
        assertThat(m.get("orderAverage").decimalValue()).isEqualByComparingTo("25.25");
        JsonNode activity = c.get("activity");
        assertThat(activity.get("countsByType").get("purchase").asLong()).isEqualTo(2);
        assertThat(activity.get("events").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(Instant.parse(activity.get("lastActivity").asText())).isEqualTo(last);

        JsonNode listed = json(rest.admin("contacts").get()).get("items").get(0);
        assertThat(listed.get("metrics").get("orderNumber").asLong()).isEqualTo(2);
        assertThat(listed.has("activity")).as("not on list pages").isFalse();
        JsonNode points = json(rest.admin("contacts/" + id + "/events").query("type", "purchase").get());
        assertThat(points.get("items").get(0).get("points").asInt()).as("each row shows its points").isEqualTo(10);

        Response refused = post("contacts", "{\"email\":\"ann@example.com\",\"fields\":{\"ORDER_NUMBER\":7}}");
        assertThat(refused.getStatus()).as("the figures are read-only").isEqualTo(400);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20); // polling interval of the deadline loop, not a synchronisation
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
