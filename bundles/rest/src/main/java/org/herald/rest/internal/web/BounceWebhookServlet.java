package org.herald.rest.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
 * {@code X-Herald-Webhook-Secret} header; compared in constant time) or, for Mailgun, by its signature,
 * handed to the {@link BounceProcessor}. Answers 200 with counts once every event is committed, 401 without
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
    private static final long MAILGUN_MAX_AGE_SECONDS = 15 * 60;

    private final transient BounceProcessor processor;
    private final transient WebhookConfig config;

    @Activate
    public BounceWebhookServlet(@Reference BounceProcessor processor, WebhookConfig config) {
        this.processor = processor;
        this.config = config;
        if (!config.secret().isEmpty() && config.secret().length() < 24) {
            LOG.warn("{}: the webhook secret is shorter than 24 characters; choose a longer one", PID);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String provider = path.startsWith("/") ? path.substring(1).toLowerCase(Locale.ROOT) : "";
        if (config.secret().isEmpty() && config.mailgunSigningKey().isEmpty() || !PROVIDERS.contains(provider)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(config.maxBytes() + 1, Integer.MAX_VALUE - 8));
        if (body.length > config.maxBytes()) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        if (!sharedSecret(request) && !("mailgun".equals(provider) && mailgunSigned(body))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"herald-webhooks\", charset=\"UTF-8\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
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
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(HeraldJson.mapper().writeValueAsBytes(new Counts(results.size(), applied,
                duplicates, quarantined)));
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
            long age = Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp));
            if (age > MAILGUN_MAX_AGE_SECONDS || token.isEmpty()) {
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
