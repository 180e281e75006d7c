package org.herald.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.herald.rest.internal.support.RestServer.json;

import java.time.Duration;
import java.time.Instant;

import javax.ws.rs.core.MediaType;

import org.herald.rest.internal.support.RestServer;
import org.herald.tokens.TokenPurpose;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /contacts/{id}/links}: what support staff hand a subscriber. */
class ContactLinksApiTest {

    private final RestServer rest = new RestServer(2048);

    @AfterEach
    void close() {
        rest.close();
    }

    private static String token(String url, String page) {
        return url.substring(url.indexOf("/" + page + "/") + page.length() + 2);
    }

    @Test
    void theLinksOfAContactCarrySignedTokensForTheirPagesAndNeverTheAddress() {
        rest.admin("contacts").type(MediaType.APPLICATION_JSON).post("{\"email\":\"links@rest.test\"}");

        JsonNode links = json(rest.admin("contacts/links@rest.test/links").get());

        String id = links.get("contactId").asText();
        assertThat(links.toString()).doesNotContain("links@rest.test").doesNotContain("links%40rest.test");
        assertThat(links.get("preferencesUrl").asText()).startsWith("http://localhost:8181/herald/preferences/");
        assertThat(rest.services.tokens.verify(token(links.get("preferencesUrl").asText(), "preferences"),
                TokenPurpose.PREFERENCES)).hasValueSatisfying(t -> assertThat(t.contactId()).isEqualTo(id));
        assertThat(rest.services.tokens.verify(token(links.get("unsubscribeUrl").asText(), "unsubscribe"),
                TokenPurpose.UNSUBSCRIBE)).isPresent();
        assertThat(rest.services.tokens.verify(token(links.get("confirmUrl").asText(), "confirm"), TokenPurpose.CONFIRM))
                .isPresent();
        Instant expires = Instant.parse(links.get("confirmExpiresAt").asText());
        assertThat(Duration.between(Instant.now(), expires).toHours()).isBetween(71L, 72L);
    }

    @Test
    void anUnknownContactIs404AndAnonymousIs401() {
        assertThat(rest.admin("contacts/nobody@rest.test/links").get().getStatus()).isEqualTo(404);
        assertThat(rest.anonymous("contacts/nobody@rest.test/links").get().getStatus()).isEqualTo(401);
    }

    @Test
    void anAdminSendsThePendingContactItsConfirmationMessageWithinTheDailyCap() {
        rest.admin("contacts").type(MediaType.APPLICATION_JSON).post("{\"email\":\"pending@rest.test\",\"status\":\"PENDING\"}");
        rest.admin("contacts").type(MediaType.APPLICATION_JSON).post("{\"email\":\"done@rest.test\",\"status\":\"CONFIRMED\"}");
        for (int i = 0; i < 3; i++) {
            javax.ws.rs.core.Response r = rest.admin("contacts/pending@rest.test/confirmation").post(null);
            assertThat(r.getStatus()).isEqualTo(202);
            assertThat(json(r).get("outcome").asText()).isEqualTo("QUEUED");
        }
        assertThat(rest.admin("contacts/pending@rest.test/confirmation").post(null).getStatus()).isEqualTo(429);
        assertThat(json(rest.admin("contacts/done@rest.test/confirmation").post(null)).get("outcome").asText())
                .isEqualTo("ALREADY_CONFIRMED");
        assertThat(rest.admin("contacts/nobody@rest.test/confirmation").post(null).getStatus()).isEqualTo(404);
    }
}
