package org.herald.rest.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.herald.bounces.processing.internal.BounceBed;
import org.herald.contacts.Contact;
import org.herald.contacts.OptInStatus;
import org.herald.contacts.internal.Configs;
import org.herald.json.HeraldJson;
import org.herald.rest.web.PublicWeb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The providers' own signatures on the bounce webhook, with keys made by the test: SendGrid's ECDSA P-256
 * key pair, and an RSA certificate (made with the JDK's keytool) that a local HTTPS server hands out as
 * Amazon SNS's signing certificate, on the host the configuration allows (127.0.0.1 here); on the real
 * processor and Derby.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookSignaturesTest {

    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:herald-bounces";
    private static final char[] PASSWORD = "changeit".toCharArray();

    private Path dir;

    private final Server hooks = new Server();
    private final Server sns = new Server();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger certificateFetches = new AtomicInteger();
    private final AtomicInteger confirmations = new AtomicInteger();
    private BounceBed b;
    private KeyPair sendgrid;
    private PrivateKey snsKey;
    private byte[] snsCertificatePem;
    private String base;
    private String snsBase;

    @BeforeAll
    void start() throws Exception {
        b = new BounceBed();
        dir = Files.createTempDirectory("herald-sns");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        sendgrid = ec.generateKeyPair();

        // the SNS signing certificate, also the HTTPS server's: made by keytool, for 127.0.0.1
        Path store = dir.resolve("sns.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).as("keytool finished: %s", out).isTrue();
        assertThat(keytool.exitValue()).as("keytool: %s", out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        snsKey = (PrivateKey) ks.getKey("sns", PASSWORD);
        Certificate cert = ks.getCertificate("sns");
        snsCertificatePem = ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(cert.getEncoded())
                + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);

        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(store.toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(new String(PASSWORD));
        ServerConnector httpsConnector = new ServerConnector(sns, tls);
        httpsConnector.setHost("127.0.0.1");
        httpsConnector.setPort(0);
        sns.addConnector(httpsConnector);
        ServletContextHandler snsContext = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        snsContext.addServlet(new ServletHolder(new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                if (req.getRequestURI().equals("/SimpleNotificationService-test.pem")) {
                    certificateFetches.incrementAndGet();
                    resp.getOutputStream().write(snsCertificatePem);
                } else if (req.getRequestURI().equals("/confirm")) {
                    confirmations.incrementAndGet();
                    resp.getWriter().write("<ConfirmSubscriptionResponse/>");
                } else {
                    resp.sendError(404);
                }
            }
        }), "/*");
        sns.setHandler(snsContext);
        sns.start();
        snsBase = "https://127.0.0.1:" + httpsConnector.getLocalPort();

        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("sns", cert);
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        HttpClient trusting = HttpClient.newBuilder().sslContext(ssl).followRedirects(HttpClient.Redirect.NEVER).build();

        ServerConnector connector = new ServerConnector(hooks);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        hooks.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath(PublicWeb.BASE);
        context.addFilter(new FilterHolder(new PublicGuard()), "/*", EnumSet.of(DispatcherType.REQUEST));
        Map<String, Object> cfg = Map.of("sendgridPublicKey", Base64.getEncoder().encodeToString(sendgrid.getPublic().getEncoded()),
                "snsTopicArns", "arn:aws:sns:us-east-1:123456789012:other, " + TOPIC, "snsCertHostPattern", "127\\.0\\.0\\.1",
                "signatureToleranceSeconds", 300L);
        context.addServlet(new ServletHolder(new BounceWebhookServlet(b.processor, Configs.of(WebhookConfig.class, cfg), trusting,
                Clock.systemUTC())), "/webhooks/bounces/*");
        hooks.setHandler(context);
        hooks.start();
        base = "http://127.0.0.1:" + connector.getLocalPort() + PublicWeb.BASE;
    }

    @AfterAll
    void stop() throws Exception {
        hooks.stop();
        sns.stop();
        b.close();
        Files.deleteIfExists(dir.resolve("sns.p12"));
        Files.deleteIfExists(dir);
    }

    private HttpResponse<String> post(String provider, String body, String... headers) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(base + "/webhooks/bounces/" + provider))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            r.headers(headers);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- SendGrid

    private String sendgridSignature(String timestamp, String body) throws Exception {
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(sendgrid.getPrivate());
        s.update((timestamp + body).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(s.sign());
    }

    private static String sendgridBounce(String email, String id) {
        return "[{\"email\":\"" + email + "\",\"event\":\"bounce\",\"type\":\"bounce\",\"sg_event_id\":\"" + id
                + "\",\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 user unknown\"}]";
    }

    @Test
    void aSendGridEventWithAValidRecentSignatureIsAppliedAndAnyOtherIsRefused() throws Exception {
        Contact ann = b.contact("ann.sg@dest.test");
        String body = sendgridBounce("ann.sg@dest.test", "sg-sig-1");
        String now = String.valueOf(Instant.now().getEpochSecond());
        String signature = sendgridSignature(now, body);

        // no signature, a signature of another body, a signature of another time, an old signed event
        assertThat(post("sendgrid", body).statusCode()).isEqualTo(401);
        assertThat(post("sendgrid", body.replace("5.1.1", "5.1.2"), WebhookSignatures.SENDGRID_SIGNATURE, signature,
                WebhookSignatures.SENDGRID_TIMESTAMP, now).statusCode()).isEqualTo(401);
        assertThat(post("sendgrid", body, WebhookSignatures.SENDGRID_SIGNATURE, signature,
                WebhookSignatures.SENDGRID_TIMESTAMP, String.valueOf(Long.parseLong(now) - 1)).statusCode()).isEqualTo(401);
        String old = String.valueOf(Instant.now().getEpochSecond() - 301);
        assertThat(post("sendgrid", body, WebhookSignatures.SENDGRID_SIGNATURE, sendgridSignature(old, body),
                WebhookSignatures.SENDGRID_TIMESTAMP, old).statusCode()).isEqualTo(401);
        // SendGrid's signature is no credential for another provider's path
        assertThat(post("postmark", body, WebhookSignatures.SENDGRID_SIGNATURE, signature,
                WebhookSignatures.SENDGRID_TIMESTAMP, now).statusCode()).isEqualTo(401);
        assertThat(b.status(ann.id())).isEqualTo(OptInStatus.CONFIRMED);

        HttpResponse<String> ok = post("sendgrid", body, WebhookSignatures.SENDGRID_SIGNATURE, signature,
                WebhookSignatures.SENDGRID_TIMESTAMP, now);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("{\"events\":1,\"applied\":1,\"duplicates\":0,\"quarantined\":0}");
        assertThat(b.status(ann.id())).isEqualTo(OptInStatus.INACTIVE);
    }

    // ---- Amazon SNS

    /** An SNS message of the topic, signed with the test's certificate key as SNS signs (version 1 or 2). */
    private String snsMessage(String type, String topic, String message, Instant at, int version, String certUrl,
            String subscribeUrl) throws Exception {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Type", type);
        m.put("MessageId", java.util.UUID.randomUUID().toString());
        if (!type.equals("Notification")) {
            m.put("Token", "token-" + System.nanoTime());
            m.put("SubscribeURL", subscribeUrl);
        }
        m.put("TopicArn", topic);
        if (type.equals("Notification")) {
            m.put("Subject", "Amazon SES Email Event Notification");
        }
        m.put("Message", message);
        m.put("Timestamp", at.toString());
        StringBuilder canonical = new StringBuilder();
        for (String f : type.equals("Notification")
                ? new String[] {"Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type"}
                : new String[] {"Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type"}) {
            canonical.append(f).append('\n').append(m.get(f)).append('\n');
        }
        Signature s = Signature.getInstance(version == 1 ? "SHA1withRSA" : "SHA256withRSA");
        s.initSign(snsKey);
        s.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        m.put("SignatureVersion", String.valueOf(version));
        m.put("Signature", Base64.getEncoder().encodeToString(s.sign()));
        m.put("SigningCertURL", certUrl);
        return HeraldJson.mapper().writeValueAsString(m);
    }

    private String cert() {
        return snsBase + "/SimpleNotificationService-test.pem";
    }

    private static String sesBounce(String email, String feedbackId) {
        return "{\"notificationType\":\"Bounce\",\"bounce\":{\"feedbackId\":\"" + feedbackId + "\",\"bounceType\":\"Permanent\","
                + "\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"" + email + "\",\"action\":\"failed\","
                + "\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]},"
                + "\"mail\":{\"messageId\":\"ses-" + feedbackId + "\",\"source\":\"news@news.test\"}}";
    }

    @Test
    void snsNotificationsSignedWithVersionOneOrTwoAreAppliedWithTheCertificateFetchedOnce() throws Exception {
        Contact bo = b.contact("bo.sns@dest.test");
        Contact cy = b.contact("cy.sns@dest.test");
        int fetchesBefore = certificateFetches.get();

        HttpResponse<String> v1 = post("ses", snsMessage("Notification", TOPIC, sesBounce("bo.sns@dest.test", "fb-sns-1"),
                Instant.now(), 1, cert(), null));
        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(200);
        assertThat(v1.body()).isEqualTo("{\"events\":1,\"applied\":1,\"duplicates\":0,\"quarantined\":0}");
        HttpResponse<String> v2 = post("ses", snsMessage("Notification", TOPIC, sesBounce("cy.sns@dest.test", "fb-sns-2"),
                Instant.now(), 2, cert(), null));
        assertThat(v2.statusCode()).isEqualTo(200);

        assertThat(b.status(bo.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(b.status(cy.id())).isEqualTo(OptInStatus.INACTIVE);
        assertThat(certificateFetches.get() - fetchesBefore).as("certificate fetches").isLessThanOrEqualTo(1);
    }

    @Test
    void snsNotificationsOfAnotherTopicOrCertificateHostTamperedOrOldAreRefused() throws Exception {
        Contact di = b.contact("di.sns@dest.test");
        String ses = sesBounce("di.sns@dest.test", "fb-sns-3");
        // a topic not on the list (AWS signs anyone's topics)
        assertThat(post("ses", snsMessage("Notification", "arn:aws:sns:eu-west-1:999999999999:evil", ses, Instant.now(), 2,
                cert(), null)).statusCode()).isEqualTo(401);
        // the certificate from plain http, from a host the pattern does not allow, or with credentials in the URL
        assertThat(post("ses", snsMessage("Notification", TOPIC, ses, Instant.now(), 2, cert().replace("https:", "http:"),
                null)).statusCode()).isEqualTo(401);
        assertThat(post("ses", snsMessage("Notification", TOPIC, ses, Instant.now(), 2, cert().replace("127.0.0.1", "localhost"),
                null)).statusCode()).isEqualTo(401);
        assertThat(post("ses", snsMessage("Notification", TOPIC, ses, Instant.now(), 2, cert().replace("https://", "https://u@"),
                null)).statusCode()).isEqualTo(401);
        // older than the tolerance
        assertThat(post("ses", snsMessage("Notification", TOPIC, ses, Instant.now().minusSeconds(301), 2, cert(), null))
                .statusCode()).isEqualTo(401);
        // a signed message whose Message was changed afterwards
        String signed = snsMessage("Notification", TOPIC, ses, Instant.now(), 2, cert(), null);
        assertThat(post("ses", signed.replace("fb-sns-3", "fb-sns-4")).statusCode()).isEqualTo(401);
        // an unknown signature version
        assertThat(post("ses", signed.replace("\"SignatureVersion\":\"2\"", "\"SignatureVersion\":\"3\"")).statusCode())
                .isEqualTo(401);
        assertThat(b.status(di.id())).isEqualTo(OptInStatus.CONFIRMED);
        assertThat(post("ses", signed).statusCode()).isEqualTo(200);
        assertThat(b.status(di.id())).isEqualTo(OptInStatus.INACTIVE);
    }

    @Test
    void aSignedSubscriptionConfirmationOfAnAllowedTopicIsConfirmedOnlyOnAnAllowedHost() throws Exception {
        int before = confirmations.get();
        String elsewhere = snsMessage("SubscriptionConfirmation", TOPIC, "You have chosen to subscribe", Instant.now(), 2, cert(),
                "https://localhost:1/confirm");
        assertThat(post("ses", elsewhere).statusCode()).isEqualTo(400);
        String otherTopic = snsMessage("SubscriptionConfirmation", "arn:aws:sns:eu-west-1:999999999999:evil",
                "You have chosen to subscribe", Instant.now(), 2, cert(), snsBase + "/confirm");
        assertThat(post("ses", otherTopic).statusCode()).isEqualTo(401);
        assertThat(confirmations.get()).isEqualTo(before);

        String ok = snsMessage("SubscriptionConfirmation", TOPIC, "You have chosen to subscribe", Instant.now(), 1, cert(),
                snsBase + "/confirm");
        HttpResponse<String> r = post("ses", ok);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(confirmations.get()).isEqualTo(before + 1);
    }
}
