package org.herald.rest.internal.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.ws.rs.core.Response;

import org.apache.cxf.endpoint.Server;
import org.apache.cxf.jaxrs.JAXRSServerFactoryBean;
import org.apache.cxf.jaxrs.client.WebClient;
import org.apache.cxf.transport.local.LocalTransportFactory;
import org.herald.bounce.BounceClassifier;
import org.herald.bounce.BounceRecord;
import org.herald.json.HeraldJson;
import org.herald.rest.internal.error.WebApplicationExceptionMapper;
import org.herald.rest.internal.json.HeraldJsonProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code POST /bounces/classify} reads no more than the classifier's configured limit (no processing here: BounceApiTest). */
class BounceResourceTest {

    private static final AtomicInteger SERVERS = new AtomicInteger();

    /** A classifier configured with {@code maxMessageBytes = 100}; it says how many bytes it was given. */
    private final BounceClassifier classifier = new BounceClassifier() {
        @Override
        public List<BounceRecord> classify(byte[] message) {
            return List.of(BounceRecord.unknown(message.length + " bytes"));
        }

        @Override
        public long maxMessageBytes() {
            return 100;
        }
    };

    private final String address = "local://bounces-" + SERVERS.incrementAndGet();
    private final Server server;

    BounceResourceTest() {
        JAXRSServerFactoryBean factory = new JAXRSServerFactoryBean();
        factory.setAddress(address);
        factory.setTransportId(LocalTransportFactory.TRANSPORT_ID);
        factory.setServiceBeans(List.of(new BounceResource(classifier, null)));
        factory.setProviders(List.of(new HeraldJsonProvider(1_048_576L), new WebApplicationExceptionMapper()));
        server = factory.create();
    }

    @AfterEach
    void close() {
        server.destroy();
    }

    private Response classify(String message) {
        return WebClient.create(address).path("bounces/classify").type("message/rfc822").accept("application/json")
                .post(message);
    }

    @Test
    void messageOverTheClassifiersConfiguredLimitIs413NamingIt() throws Exception {
        Response r = classify("x".repeat(101));
        assertThat(r.getStatus()).isEqualTo(413);
        JsonNode body = HeraldJson.mapper().readTree(r.readEntity(String.class));
        assertThat(body.get("message").asText()).contains("limit of 100 bytes").contains("maxMessageBytes");
    }

    @Test
    void messageAtTheLimitIsClassified() throws Exception {
        Response r = classify("x".repeat(100));
        assertThat(r.getStatus()).isEqualTo(200);
        JsonNode body = HeraldJson.mapper().readTree(r.readEntity(String.class));
        assertThat(body.get(0).get("note").asText()).isEqualTo("100 bytes");
    }
}
