package org.herald.rest.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.herald.rest.internal.support.RestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The public application: anonymous, status-only health, no internals in any error, safe headers. */
class PublicWebTest {

    /** A public resource that fails the way a page with a bug or a dead database would. */
    @Path("broken/{what}")
    public static class BrokenPage {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get(@PathParam("what") String what) {
            if ("state".equals(what)) {
                throw new IllegalStateException("SELECT * FROM HERALD_CONTACT WHERE EMAIL='alice@example.com'");
            }
            throw new javax.ws.rs.BadRequestException("token 0badc0ffee is tampered: HMAC mismatch");
        }
    }

    private final RestServer rest = new RestServer(2048, new BrokenPage());

    @AfterEach
    void close() {
        rest.close();
    }

    @Test
    void healthAnswersWithoutCredentialsWithTheStatusOnly() {
        Response up = rest.publicWeb("health").get();
        assertThat(up.getStatus()).isEqualTo(200);
        JsonNode body = RestServer.json(up);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.size()).as("no component details in %s", body).isEqualTo(1);
        assertThat(up.getHeaderString("Cache-Control")).contains("no-store");

        rest.ready(false);
        Response down = rest.publicWeb("health").get();
        assertThat(down.getStatus()).isEqualTo(503);
        JsonNode downBody = RestServer.json(down);
        assertThat(downBody.toString()).isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void anUnexpectedFailureIsA500WithAReferenceAndNoInternals() {
        Response r = rest.publicWeb("broken/state").get();
        assertThat(r.getStatus()).isEqualTo(500);
        String body = r.readEntity(String.class);
        assertThat(body).contains("reference").doesNotContain("SELECT").doesNotContain("alice")
                .doesNotContain("IllegalStateException");
        assertThat(r.getMediaType().isCompatible(MediaType.TEXT_PLAIN_TYPE)).isTrue();
    }

    @Test
    void clientErrorsKeepTheirStatusButNeverTheExceptionMessage() {
        Response bad = rest.publicWeb("broken/token").get();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.readEntity(String.class)).isEqualTo("Bad request.");

        Response missing = rest.publicWeb("no/such/page").get();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.readEntity(String.class)).isEqualTo("Not found.");

        Response wrongMethod = rest.publicWeb("health").delete();
        assertThat(wrongMethod.getStatus()).isEqualTo(405);
        assertThat(wrongMethod.getHeaderString("Allow")).contains("GET");
        assertThat(wrongMethod.readEntity(String.class)).isEqualTo("Method not allowed.");
    }

    @Test
    void adminResourcesAreNotPartOfThePublicApplication() {
        for (String adminPath : new String[] { "contacts", "fields", "lists", "tags", "openapi.json", "bounces/classify" }) {
            assertThat(rest.publicWeb(adminPath).get().getStatus()).as(adminPath).isEqualTo(404);
        }
    }

    @Test
    void everyPublicResponseKeepsTokensOutOfTheRefererAndCannotBeFramedOrSniffed() {
        for (Response r : new Response[] { rest.publicWeb("health").get(), rest.publicWeb("no/such/page").get(),
                rest.publicWeb("broken/state").get() }) {
            assertThat(r.getHeaderString("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.getHeaderString("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.getHeaderString("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.getHeaderString("Content-Security-Policy")).contains("frame-ancestors 'none'");
            assertThat(r.getHeaderString("Cache-Control")).contains("no-store");
        }
    }
}
