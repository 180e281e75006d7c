package org.herald.rest.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.rest.internal.support.RestServer.json;

import java.util.List;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.contacts.json.ContactInputCases;
import org.herald.rest.internal.support.RestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * JSON request bodies on the API: the shared contact documents (the same cases the queue route is
 * tested with), Herald's JSON settings on every operation, and the configured size limit.
 */
class JsonBodiesTest {

    private static final long LIMIT = 512;
    private static final RestServer REST = new RestServer(2048, LIMIT);

    @AfterAll
    static void close() {
        REST.close();
    }

    private static Response post(String path, String json) {
        return REST.admin(path).type(MediaType.APPLICATION_JSON).post(json);
    }

    static List<ContactInputCases.Case> cases() {
        return ContactInputCases.all();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void postContactsAcceptsAndRefusesTheSharedDocumentsWithTheirMessages(ContactInputCases.Case c) {
        Response r = post("contacts", c.document());
        JsonNode body = json(r);
        if (c.accepted()) {
            assertThat(r.getStatus()).as(body.toString()).isIn(200, 201);
        } else {
            assertThat(r.getStatus()).as(body.toString()).isEqualTo(400);
            assertThat(body.get("message").asText()).isEqualTo(c.error());
        }
    }

    @Test
    void keyGivenTwiceIsRefusedOnEveryJsonOperation() {
        Response list = post("lists", "{\"name\":\"news\",\"name\":\"offers\"}");
        assertThat(list.getStatus()).isEqualTo(400);
        assertThat(json(list).get("message").asText()).contains("Duplicate field 'name'");

        Response patch = REST.admin("contacts/nobody@cases.example.org").type("application/merge-patch+json")
                .invoke("PATCH", "{\"status\":\"CONFIRMED\",\"status\":\"PENDING\"}");
        assertThat(patch.getStatus()).isEqualTo(400);
        assertThat(json(patch).get("message").asText()).contains("Duplicate field 'status'");
    }

    @Test
    void jsonBodyOverTheConfiguredLimitIs413NamingTheLimit() {
        String big = "{\"email\":\"big@cases.example.org\",\"fields\":{\"city\":\"" + "x".repeat((int) LIMIT) + "\"}}";
        Response r = post("contacts", big);
        assertThat(r.getStatus()).isEqualTo(413);
        JsonNode body = json(r);
        assertThat(body.get("error").asText()).isEqualTo("too_large");
        assertThat(body.get("message").asText()).contains("limit of " + LIMIT + " bytes").contains("json.maxBytes");

        Response list = post("lists", "{\"name\":\"n" + "x".repeat((int) LIMIT) + "\"}");
        assertThat(list.getStatus()).isEqualTo(413);
    }

    @Test
    void eventBodyOverTheConfiguredLimitIs413AndNothingOfItIsStored() {
        post("contacts", "{\"email\":\"events@cases.example.org\"}");
        String visit = "{\"type\":\"page_visit\",\"email\":\"events@cases.example.org\"}";
        String batch = "[" + String.join(",", java.util.Collections.nCopies((int) LIMIT / visit.length() + 1, visit)) + "]";
        Response r = post("events", batch);
        assertThat(r.getStatus()).isEqualTo(413);
        assertThat(json(r).get("message").asText()).contains("json.maxBytes");
        JsonNode visits = json(REST.admin("contacts/events@cases.example.org/events").query("type", "page_visit").get());
        assertThat(visits.get("total").asLong()).isZero();
        assertThat(post("events", visit).getStatus()).as("under the limit").isEqualTo(201);
    }

    @Test
    void jsonBodyUnderTheLimitIsRead() {
        Response r = post("contacts", "{\"email\":\"small@cases.example.org\"}");
        assertThat(r.getStatus()).isIn(200, 201);
    }
}
