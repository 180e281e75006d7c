package org.herald.rest.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.DispatcherType;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.herald.bounces.processing.internal.BounceBed;
import org.herald.contacts.Contact;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.Configs;
import org.herald.rest.web.PublicWeb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The provider webhooks in Jetty behind the public guard, on the real processor and Derby. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BounceWebhookServletTest {

    private static final String SECRET = "a-long-shared-webhook-secret-0123";
    private static final String MAILGUN_KEY = "key-mailgun-signing-0123456789";

    private final Server jetty = new Server();
    private final HttpClient http = HttpClient.newHttpClient();
    private BounceBed b;
    private String base;

    @BeforeAll
    void start() throws Exception {
        b = new BounceBed();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(PublicWeb.BASE);
        context.addFilter(new FilterHolder(new PublicGuard()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new BounceWebhookServlet(b.processor, Configs.of(WebhookConfig.class,
                Map.of("secret", SECRET, "mailgunSigningKey", MAILGUN_KEY, "maxBytes", 4096L)))), "/webhooks/bounces/*");
        context.addServlet(new ServletHolder(new BounceWebhookServlet(b.processor, Configs.defaults(WebhookConfig.class))),
                "/off/*");
        context.addServlet(new ServletHolder(new NotFoundServlet()), "/");
        jetty.setHandler(context);
        jetty.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + PublicWeb.BASE;
    }

    @AfterAll
    void stop() throws Exception {
        jetty.stop();
        b.close();
    }

    private HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            r.headers(headers);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String password) {
        return "Basic " + Base64.getEncoder().encodeToString(("sns:" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String postmarkBounce(String email, long id) {
        return "{\"RecordType\":\"Bounce\",\"ID\":" + id + ",\"Type\":\"HardBounce\",\"Email\":\"" + email
                + "\",\"Details\":\"smtp;550 5.1.1 unknown user\"}";
    }

    @Test
    void theSharedSecretAsBasicPasswordOrHeaderIsRequiredAndTheEventApplied() throws Exception {
        Contact ann = b.contact("ann.hook@dest.test");
        String body = postmarkBounce("ann.hook@dest.test", 9001);

        assertThat(post("/webhooks/bounces/postmark", body).statusCode()).isEqualTo(401);
        assertThat(post("/webhooks/bounces/postmark", body, "Authorization", basic("wrong")).statusCode()).isEqualTo(401);
        assertThat(post("/webhooks/bounces/postmark", body, "X-Herald-Webhook-Secret", SECRET + "x").statusCode())
                .isEqualTo(401);
        assertThat(b.status(ann.id())).isEqualTo(OptInStatus.CONFIRMED);

        HttpResponse<String> ok = post("/webhooks/bounces/postmark", body, "Authorization", basic(SECRET));
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"events\":1,\"applied\":1,\"duplicates\":0,\"quarantined\":0}");
        assertThat(b.status(ann.id())).isEqualTo(OptInStatus.INACTIVE);

        HttpResponse<String> again = post("/webhooks/bounces/postmark", body, "X-Herald-Webhook-Secret", SECRET);
        assertThat(again.body()).isEqualTo("{\"events\":1,\"applied\":0,\"duplicates\":1,\"quarantined\":0}");
    }

    @Test
    void aMailgunNotificationWithAValidRecentSignatureNeedsNoSecret() throws Exception {
        Contact bo = b.contact("bo.hook@dest.test");
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String token = "tok-" + System.nanoTime();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(MAILGUN_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        String event = "\"event-data\":{\"id\":\"mg-hook-1\",\"event\":\"complained\",\"recipient\":\"bo.hook@dest.test\"}";

        String forged = "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token
                + "\",\"signature\":\"" + "0".repeat(64) + "\"}," + event + "}";
        assertThat(post("/webhooks/bounces/mailgun", forged).statusCode()).isEqualTo(401);
        String old = "{\"signature\":{\"timestamp\":\"1000\",\"token\":\"" + token + "\",\"signature\":\"" + signature
                + "\"}," + event + "}";
        assertThat(post("/webhooks/bounces/mailgun", old).statusCode()).isEqualTo(401);

        String signed = "{\"signature\":{\"timestamp\":\"" + timestamp + "\",\"token\":\"" + token + "\",\"signature\":\""
                + signature + "\"}," + event + "}";
        assertThat(post("/webhooks/bounces/mailgun", signed).statusCode()).isEqualTo(200);
        assertThat(b.status(bo.id())).isEqualTo(OptInStatus.UNSUBSCRIBED);
    }

    @Test
    void unknownProvidersBadBodiesOversizedBodiesAndUnconfiguredWebhooksAreRefused() throws Exception {
        assertThat(post("/webhooks/bounces/sparkpost", "{}", "X-Herald-Webhook-Secret", SECRET).statusCode())
                .isEqualTo(404);
        assertThat(post("/webhooks/bounces/ses", "not json", "X-Herald-Webhook-Secret", SECRET).statusCode())
                .isEqualTo(400);
        assertThat(post("/webhooks/bounces/ses", "[" + "1,".repeat(3000) + "1]", "X-Herald-Webhook-Secret", SECRET)
                .statusCode()).isEqualTo(413);
        // no secret configured: the webhooks do not exist, whatever is sent
        assertThat(post("/off/postmark", postmarkBounce("x@dest.test", 1), "X-Herald-Webhook-Secret", "").statusCode())
                .isEqualTo(404);
    }
}
