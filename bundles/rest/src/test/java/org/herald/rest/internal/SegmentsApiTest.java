package org.herald.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.rest.internal.support.RestServer.json;

import java.util.Set;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.rest.internal.support.RestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code /segments} and {@code /engagement} over CXF's in-memory transport in front of the real services and store. */
class SegmentsApiTest {

    private final RestServer rest = new RestServer(2048);

    @AfterEach
    void close() {
        rest.close();
    }

    private Response post(String path, String json) {
        return rest.admin(path).type(MediaType.APPLICATION_JSON).post(json);
    }

    private void data() {
        post("fields", "{\"name\":\"age\",\"type\":\"NUMBER\"}");
        post("lists", "{\"name\":\"news\"}");
        post("contacts", "{\"email\":\"ann@seg.test\",\"fields\":{\"age\":41},\"tags\":[\"vip\"],\"lists\":[\"news\"]}");
        post("contacts", "{\"email\":\"bob@seg.test\",\"fields\":{\"age\":25},\"tags\":[\"vip\"]}");
        post("contacts", "{\"email\":\"cy@seg.test\",\"fields\":{\"age\":52}}");
        post("events", "{\"type\":\"purchase\",\"email\":\"ann@seg.test\",\"properties\":{\"value\":120,\"currency\":\"EUR\"}}");
        rest.services.activity.onEvents(rest.services.bed().stores.events().after(0, Long.MAX_VALUE, Set.of(), 1000));
    }

    @Test
    void previewCountsATreeInJsonOrTextAndShowsASample() {
        data();
        JsonNode p = json(post("segments/preview", "{\"conditions\":{\"and\":[{\"field\":\"age\",\"op\":\"gte\",\"value\":30},{\"tag\":\"vip\"}]}}"));
        assertThat(p.get("count").asLong()).isEqualTo(1);
        assertThat(p.get("sample").get(0).get("email").asText()).isEqualTo("ann@seg.test");
        JsonNode t = json(post("segments/preview", "{\"text\":\"age >= 30 or purchased value >= 100\"}"));
        assertThat(t.get("count").asLong()).isEqualTo(2);
    }

    @Test
    void anInvalidTreeIs400NamingThePathOfTheBadNode() {
        data();
        Response r = post("segments/preview", "{\"conditions\":{\"and\":[{\"tag\":\"a\"},{\"tag\":\"b\"},"
                + "{\"field\":\"age\",\"op\":\"contains\",\"value\":\"x\"}]}}");
        assertThat(r.getStatus()).isEqualTo(400);
        assertThat(r.readEntity(String.class)).contains("and[2].op: 'contains' does not apply to a number field");
    }

    @Test
    void segmentsAreCreatedReadChangedPagedExportedAndDeleted() {
        data();
        Response created = post("segments", "{\"name\":\"older\",\"parentList\":\"news\",\"text\":\"age >= 30\"}");
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode s = json(created);
        assertThat(s.get("count").asLong()).isEqualTo(1);
        assertThat(s.get("conditions").toString()).isEqualTo("{\"field\":\"age\",\"op\":\"gte\",\"value\":30}");
        assertThat(post("segments", "{\"name\":\"older\",\"text\":\"age >= 30\"}").getStatus()).isEqualTo(409);

        Response changed = rest.admin("segments/older").type(MediaType.APPLICATION_JSON)
                .put("{\"conditions\":{\"field\":\"age\",\"op\":\"gte\",\"value\":20}}");
        assertThat(json(changed).get("count").asLong()).isEqualTo(3);
        JsonNode page = json(rest.admin("segments/older/contacts").query("limit", 2).get());
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(page.get("items").size()).isEqualTo(2);
        String csv = rest.admin("segments/older/export").accept("text/csv").get().readEntity(String.class);
        assertThat(csv.lines().count()).as(csv).isEqualTo(4);
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("id,email,status,created,age,score,ORDER_NUMBER,ORDER_SUMMARY,ORDER_AVG,tags,lists");

        JsonNode card = json(rest.admin("contacts/ann@seg.test").get());
        assertThat(card.get("segments").toString()).contains("\"older\"", "\"engaged\"");

        JsonNode all = json(rest.admin("segments").get());
        assertThat(all.toString()).contains("\"rfm-champions\"", "\"older\"");
        Response copy = post("segments/spenders/copy", "{\"name\":\"big-spenders\"}");
        assertThat(copy.getStatus()).isEqualTo(201);
        assertThat(rest.admin("segments/older").delete().getStatus()).isEqualTo(204);
        assertThat(rest.admin("segments/older").get().getStatus()).isEqualTo(404);
        assertThat(rest.admin("segments/engaged").delete().getStatus()).isEqualTo(409);
    }

    @Test
    void aListASegmentUsesIsNotDeletedWithoutForce() {
        data();
        post("lists", "{\"name\":\"offers\"}");
        post("segments", "{\"name\":\"offer-vips\",\"conditions\":{\"and\":[{\"list\":\"offers\"},{\"tag\":\"vip\"}]}}");
        Response refused = rest.admin("lists/offers").delete();
        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.readEntity(String.class)).contains("segment 'offer-vips'");
        assertThat(rest.admin("lists/offers").query("force", true).delete().getStatus()).isEqualTo(204);
    }

    @Test
    void engagementGivesSharesPerStatusThatAddUpToAHundred() {
        data();
        JsonNode e = json(rest.admin("engagement").get());
        assertThat(e.get("overall").get("engaged").asLong()).isEqualTo(3);
        assertThat(e.get("overall").get("engagedShare").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(e.get("byStatus").size()).isEqualTo(5);
    }
}
