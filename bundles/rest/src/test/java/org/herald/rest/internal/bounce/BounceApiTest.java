package org.herald.rest.internal.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.ws.rs.core.Response;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.client.WebClient;
import org.apache.cxf.transport.local.LocalTransportFactory;
import org.herald.bounces.processing.internal.BounceBed;
import org.herald.contacts.Contact;
import org.herald.contacts.OptInStatus;
import org.herald.json.HeraldJson;
import org.herald.rest.internal.error.HeraldExceptionMapper;
import org.herald.rest.internal.error.WebApplicationExceptionMapper;
import org.herald.rest.internal.json.HeraldJsonProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

/** The /bounces processing operations over CXF's in-memory transport, on the real processor and Derby. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BounceApiTest {

    private static final AtomicInteger SERVERS = new AtomicInteger();
    private final String address = "local://bounce-api-" + SERVERS.incrementAndGet();
    private BounceBed b;
    private Server server;

    @BeforeAll
    void start() {
        b = new BounceBed();
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress(address);
        factory.setTransportId(LocalTransportFactory.TRANSPORT_ID);
        factory.setServiceBeans(List.of(new BounceResource(b.classifier, b.processor)));
        factory.setProviders(List.of(new HeraldJsonProvider(1_048_576L), new HeraldExceptionMapper(),
                new WebApplicationExceptionMapper()));
        server = factory.create();
    }

    @AfterAll
    void stop() {
        server.destroy();
        b.close();
    }

    private WebClient at(String path) {
        return WebClient.create(address).path(path);
    }

    private static JsonNode json(Response r) throws Exception {
        return HeraldJson.mapper().readTree(r.readEntity(String.class));
    }

    @Test
    void aPostedBounceIsAppliedAndListedWithItsRemoteTextAsEscapedJson() throws Exception {
        Contact ann = b.contact("ann.rest@dest.test");
        byte[] report = BounceBed.dsn(b.bounceAddress(b.sent(ann)), "ann.rest@dest.test", "5.1.1",
                "550 5.1.1 <script>alert(1)</script> \u001b[31m user unknown", null);
        Response posted = at("bounces").type("message/rfc822").accept("application/json")
                .post(new String(report, StandardCharsets.ISO_8859_1));
        assertThat(posted.getStatus()).isEqualTo(200);
        JsonNode p = json(posted);
        assertThat(p.get("disposition").asText()).isEqualTo("APPLIED");
        assertThat(p.get("bounces").get(0).get("class").asText()).isEqualTo("HARD");
        assertThat(b.status(ann.id())).isEqualTo(OptInStatus.INACTIVE);

        Response listed = at("bounces").query("contact", ann.id()).accept("application/json").get();
        String text = listed.readEntity(String.class);
        assertThat(listed.getStatus()).isEqualTo(200);
        assertThat(text).doesNotContain("\u001b").contains("\\u001B[31m");
        JsonNode first = HeraldJson.mapper().readTree(text).get(0);
        assertThat(first.get("reason").asText()).isEqualTo("userunknown");
        assertThat(first.get("effect").asText()).isEqualTo("INACTIVE");
        assertThat(first.get("matchedBy").asText()).isEqualTo("token");
        assertThat(first.get("diagnostic").asText()).contains("<script>");
    }

    @Test
    void badQueryValuesAre400AndAnUnknownContact404() {
        assertThat(at("bounces").query("class", "bouncy").accept("application/json").get().getStatus()).isEqualTo(400);
        assertThat(at("bounces").query("limit", "0").accept("application/json").get().getStatus()).isEqualTo(400);
        assertThat(at("bounces").query("contact", "nobody@nowhere.test").accept("application/json").get().getStatus())
                .isEqualTo(404);
        assertThat(at("bounces/blocked").query("days", "0").accept("application/json").get().getStatus()).isEqualTo(400);
    }

    @Test
    void blockedReportsAreCountedPerSendingDomain() throws Exception {
        Contact hu = b.contact("hu.rest@dest.test");
        at("bounces").type("message/rfc822").post(new String(BounceBed.blocked(b.bounceAddress(b.sent(hu)),
                "hu.rest@dest.test", null), StandardCharsets.ISO_8859_1));
        // the bed's clock stands at 2026-11-02: count over a long window
        JsonNode counts = json(at("bounces/blocked").query("days", "3660").accept("application/json").get());
        assertThat(counts.get(0).get("domain").asText()).isEqualTo(BounceBed.SENDER_DOMAIN);
        assertThat(counts.get(0).get("count").asLong()).isPositive();
    }

    @Test
    void theQuarantineIsListedDownloadedRetriedAndDeleted() throws Exception {
        String ordinary = "From: someone@else.test\r\nTo: bounces@herald.test\r\nSubject: hi\r\n\r\nJust a note.\r\n";
        JsonNode p = json(at("bounces").type("message/rfc822").accept("application/json").post(ordinary));
        assertThat(p.get("disposition").asText()).isEqualTo("QUARANTINED");
        long id = p.get("quarantineId").asLong();

        JsonNode list = json(at("bounces/quarantine").accept("application/json").get());
        assertThat(list.findValues("id")).extracting(JsonNode::asLong).contains(id);

        Response download = at("bounces/quarantine/" + id + "/message").accept("application/octet-stream").get();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getHeaderString("Content-Disposition")).startsWith("attachment");
        assertThat(download.readEntity(String.class)).isEqualTo(ordinary);

        JsonNode retried = json(at("bounces/quarantine/" + id + "/retry").accept("application/json").post(null));
        assertThat(retried.get("disposition").asText()).isEqualTo("QUARANTINED");
        assertThat(at("bounces/quarantine/" + id).delete().getStatus()).isEqualTo(204);
        assertThat(at("bounces/quarantine/" + id).delete().getStatus()).isEqualTo(404);
        assertThat(at("bounces/quarantine/" + id + "/retry").accept("application/json").post(null).getStatus())
                .isEqualTo(404);
    }
}
