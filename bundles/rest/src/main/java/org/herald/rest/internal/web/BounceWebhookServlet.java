package org.herald.rest.internal.web;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.herald.bounce.BounceDisposition;
import org.herald.bounce.BounceProcessor;
import org.herald.bounce.ProcessedBounce;
import org.herald.common.TransientException;
import org.herald.common.ValidationException;
import org.herald.json.HeraldJson;
import org.herald.rest.web.PublicWeb;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code POST /herald/webhooks/bounces/{ses|sendgrid|mailgun|postmark}}: a sending provider's event
 * notification, authenticated by the shared secret (HTTP Basic password, or the
 * {@code X-Herald-Webhook-Secret} header; compared in constant time) or by the provider's own signature
 * when its key is configured (Mailgun's HMAC, SendGrid's ECDSA, Amazon SNS's certificate signature for SES:
 * {@link WebhookSignatures}), handed to the {@link BounceProcessor}. A signed SNS subscription confirmation
 * of an allowed topic is confirmed here. Answers 200 with counts once every event is committed, 401 without
 * valid credentials, 400 for an unreadable body, 404 for an unknown provider or while no secret is
 * configured (the webhooks are off), 413 over {@code maxBytes}, 503 when the database is unavailable (the
 * provider retries; a retried event is a duplicate and changes nothing twice).
 */
@Component(service = Servlet.class, configurationPid = BounceWebhookServlet.PID)
@Designate(ocd = WebhookConfig.class)
@HttpWhiteboardContextSelect(PublicWeb.CONTEXT)
@HttpWhiteboardServletName("herald-bounce-webhooks")
@HttpWhiteboardServletPattern("/webhooks/bounces/*")
public class BounceWebhookServlet extends HttpServlet {

    public static final String PID = "org.herald.webhooks.bounces";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BounceWebhookServlet.class);
    private static final List<String> PROVIDERS = List.of("ses", "sendgrid", "mailgun", "postmark");

    private final transient BounceProcessor processor;
    private final transient WebhookConfig config;
    private final transient WebhookSignatures signatures;

    @Activate
    public BounceWebhookServlet(@Reference BounceProcessor processor, WebhookConfig config) {
        this(processor, config, WebhookSignatures.defaultClient(), Clock.systemUTC());
    }

    /** With the client that fetches SNS certificates and confirmation URLs, and the clock, of a test. */
    BounceWebhookServlet(BounceProcessor processor, WebhookConfig config, HttpClient http, Clock clock) {
        this.processor = processor;
        this.config = config;
        this.signatures = new WebhookSignatures(config.sendgridPublicKey(), config.snsCertHostPattern(),
                config.snsTopicArns(), config.signatureToleranceSeconds(), http, clock);
        if (!config.secret().isEmpty() && config.secret().length() < 24) {
            LOG.warn("{}: the webhook secret is shorter than 24 characters; choose a longer one", PID);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String provider = path.startsWith("/") ? path.substring(1).toLowerCase(Locale.ROOT) : "";
        if (config.secret().isEmpty() && config.mailgunSigningKey().isEmpty() && !signatures.sendgridConfigured()
                && !signatures.snsConfigured() || !PROVIDERS.contains(provider)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(config.maxBytes() + 1, Integer.MAX_VALUE - 8));
        if (body.length > config.maxBytes()) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        WebhookSignatures.SnsMessage sns = "ses".equals(provider) ? signatures.snsSigned(body) : null;
        boolean signed = sns != null
                || "mailgun".equals(provider) && mailgunSigned(body)
                || "sendgrid".equals(provider) && signatures.sendgridSigned(request.getHeader(WebhookSignatures.SENDGRID_SIGNATURE),
                        request.getHeader(WebhookSignatures.SENDGRID_TIMESTAMP), body);
        if (!signed && !sharedSecret(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"herald-webhooks\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        if (sns != null && !"Notification".equals(sns.type())) {
            confirm(sns, response);
            return;
        }
        List<ProcessedBounce> results;
        try {
            results = processor.processProviderEvents(provider, body);
        } catch (ValidationException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        } catch (TransientException e) {
            LOG.warn("Bounce webhook {}: database unavailable, the provider will retry: {}", provider, e.getMessage());
            response.setHeader("Retry-After", "60");
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        long applied = results.stream().filter(r -> r.disposition() == BounceDisposition.APPLIED).count();
        long duplicates = results.stream().filter(r -> r.disposition() == BounceDisposition.DUPLICATE).count();
        long quarantined = results.stream().filter(r -> r.disposition() == BounceDisposition.QUARANTINED).count();
        writeCounts(response, new Counts(results.size(), applied, duplicates, quarantined));
    }

    /**
     * A signed SubscriptionConfirmation of an allowed topic is confirmed by fetching its SubscribeURL (https,
     * on an allowed SNS host only); an UnsubscribeConfirmation is acknowledged and logged.
     */
    private void confirm(WebhookSignatures.SnsMessage sns, HttpServletResponse response) throws IOException {
        if ("UnsubscribeConfirmation".equals(sns.type())) {
            LOG.warn("Amazon SNS: the SES bounce webhook was unsubscribed from {}", sns.topicArn());
            writeCounts(response, new Counts(0, 0, 0, 0));
            return;
        }
        java.net.URI url = signatures.allowed(sns.subscribeUrl());
        if (url == null) {
            LOG.warn("Amazon SNS subscription confirmation for {} refused: its SubscribeURL is not https on an allowed host",
                    sns.topicArn());
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        try {
            signatures.get(url);
        } catch (IOException e) {
            LOG.warn("Amazon SNS subscription confirmation for {} failed, SNS will send it again: {}", sns.topicArn(),
                    e.getMessage());
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        LOG.info("Amazon SNS: the SES bounce webhook is subscribed to {}", sns.topicArn());
        writeCounts(response, new Counts(0, 0, 0, 0));
    }

    private static void writeCounts(HttpServletResponse response, Counts counts) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(HeraldJson.mapper().writeValueAsBytes(counts));
    }

    /** The answer: how many events the notification held and what became of them. */
    record Counts(int events, long applied, long duplicates, long quarantined) {
    }

    private boolean sharedSecret(HttpServletRequest request) {
        String secret = config.secret();
        if (secret.isEmpty()) {
            return false;
        }
        String given = request.getHeader("X-Herald-Webhook-Secret");
        if (given == null) {
            String auth = request.getHeader("Authorization");
            if (auth != null && auth.regionMatches(true, 0, "Basic ", 0, 6)) {
                try {
                    String decoded = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
                    int colon = decoded.indexOf(':');
                    given = colon < 0 ? null : decoded.substring(colon + 1);
                } catch (IllegalArgumentException e) {
                    given = null;
                }
            }
        }
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Mailgun's signature: hex HMAC-SHA256 of timestamp + token under the signing key, recent. */
    boolean mailgunSigned(byte[] body) {
        String key = config.mailgunSigningKey();
        if (key.isEmpty()) {
            return false;
        }
        try {
            JsonNode s = HeraldJson.mapper().readTree(body).path("signature");
            String timestamp = s.path("timestamp").asText("");
            String token = s.path("token").asText("");
            String signature = s.path("signature").asText("");
            if (!signatures.recent(Instant.ofEpochSecond(Long.parseLong(timestamp))) || token.isEmpty()) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] expected = mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(HexFormat.of().formatHex(expected).getBytes(StandardCharsets.US_ASCII),
                    signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException | java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
