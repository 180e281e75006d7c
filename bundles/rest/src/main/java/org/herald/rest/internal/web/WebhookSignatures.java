package org.herald.rest.internal.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.herald.json.HeraldJson;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The providers' own signatures on their notifications, each refused when its timestamp is further than
 * the tolerance from now (a replayed notification):
 * <ul>
 * <li><b>SendGrid</b>'s signed Event Webhook: an ECDSA P-256 / SHA-256 signature (base64 DER) in
 * {@code X-Twilio-Email-Event-Webhook-Signature} over the {@code X-Twilio-Email-Event-Webhook-Timestamp}
 * value (Unix seconds) followed by the raw body, verified with the public key SendGrid shows (base64 DER
 * SubjectPublicKeyInfo);</li>
 * <li><b>Amazon SNS</b> (SES through SNS): the {@code Signature} (base64) of the canonical string, with
 * SHA1withRSA for {@code SignatureVersion} 1 and SHA256withRSA for 2, verified with the certificate at
 * {@code SigningCertURL}, fetched only over https from a host matching the configured pattern
 * ({@code sns.<region>.amazonaws.com} by default) and cached; only topics on the configured list are
 * accepted (anyone can create an SNS topic and have AWS sign its messages).</li>
 * </ul>
 * The canonical string (AWS "Verifying the signatures of Amazon SNS messages") is {@code name\nvalue\n} for
 * {@code Message, MessageId, Subject} (when present){@code , Timestamp, TopicArn, Type} of a Notification,
 * and for {@code Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type} of a
 * SubscriptionConfirmation or UnsubscribeConfirmation.
 */
final class WebhookSignatures {

    static final String SENDGRID_SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String SENDGRID_TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";
    private static final List<String> NOTIFICATION = List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    private static final List<String> CONFIRMATION = List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token",
            "TopicArn", "Type");
    private static final int MAX_CERTIFICATES = 16;
    private static final int MAX_CERTIFICATE_BYTES = 64 * 1024;

    private final PublicKey sendgridKey;
    private final Pattern snsHost;
    private final Set<String> snsTopics;
    private final Duration tolerance;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, X509Certificate> certificates = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, X509Certificate> eldest) {
            return size() > MAX_CERTIFICATES;
        }
    };

    /** A verified SNS message: its type and, for a subscription confirmation, the URL that confirms it. */
    record SnsMessage(String type, String topicArn, String subscribeUrl) {
    }

    WebhookSignatures(String sendgridPublicKey, String snsCertHostPattern, String snsTopicArns, long toleranceSeconds,
            HttpClient http, Clock clock) {
        this.sendgridKey = sendgridKey(sendgridPublicKey);
        this.snsHost = Pattern.compile(snsCertHostPattern.isBlank() ? "sns\\.[a-z0-9-]+\\.amazonaws\\.com" : snsCertHostPattern,
                Pattern.CASE_INSENSITIVE);
        this.snsTopics = Stream.of(snsTopicArns.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        this.tolerance = Duration.ofSeconds(Math.max(1, toleranceSeconds));
        this.http = http;
        this.clock = clock;
    }

    private static PublicKey sendgridKey(String base64) {
        String b = base64 == null ? "" : base64.replaceAll("-----[A-Z ]+-----|\\s", "");
        if (b.isEmpty()) {
            return null;
        }
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sendgridPublicKey is not a base64 EC public key (SubjectPublicKeyInfo)", e);
        }
    }

    boolean sendgridConfigured() {
        return sendgridKey != null;
    }

    boolean snsConfigured() {
        return !snsTopics.isEmpty();
    }

    /** Whether the time is within the tolerance of now, either way. */
    boolean recent(Instant at) {
        return Duration.between(at, clock.instant()).abs().compareTo(tolerance) <= 0;
    }

    /** SendGrid's signed Event Webhook: the signature over timestamp + body verifies and the timestamp is recent. */
    boolean sendgridSigned(String signature, String timestamp, byte[] body) {
        if (sendgridKey == null || signature == null || timestamp == null) {
            return false;
        }
        try {
            if (!recent(Instant.ofEpochSecond(Long.parseLong(timestamp.strip())))) {
                return false;
            }
            Signature v = Signature.getInstance("SHA256withECDSA");
            v.initVerify(sendgridKey);
            v.update(timestamp.strip().getBytes(StandardCharsets.UTF_8));
            v.update(body);
            return v.verify(Base64.getDecoder().decode(signature.strip()));
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The SNS message when its signature verifies with a certificate from an allowed host, its topic is on
     * the list and its timestamp is recent; otherwise null.
     */
    SnsMessage snsSigned(byte[] body) {
        if (snsTopics.isEmpty()) {
            return null;
        }
        try {
            JsonNode n = HeraldJson.mapper().readTree(body);
            String type = text(n, "Type");
            String topic = text(n, "TopicArn");
            String version = text(n, "SignatureVersion");
            String algorithm = "1".equals(version) ? "SHA1withRSA" : "2".equals(version) ? "SHA256withRSA" : null;
            List<String> fields = "Notification".equals(type) ? NOTIFICATION
                    : "SubscriptionConfirmation".equals(type) || "UnsubscribeConfirmation".equals(type) ? CONFIRMATION : null;
            String timestamp = text(n, "Timestamp");
            if (algorithm == null || fields == null || topic == null || !snsTopics.contains(topic) || timestamp == null
                    || !recent(Instant.parse(timestamp))) {
                return null;
            }
            StringBuilder canonical = new StringBuilder();
            for (String f : fields) {
                String v = text(n, f);
                if (v == null && "Subject".equals(f)) {
                    continue;
                }
                if (v == null) {
                    return null;
                }
                canonical.append(f).append('\n').append(v).append('\n');
            }
            X509Certificate cert = certificate(text(n, "SigningCertURL"));
            if (cert == null) {
                return null;
            }
            Signature v = Signature.getInstance(algorithm);
            v.initVerify(cert.getPublicKey());
            v.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            if (!v.verify(Base64.getDecoder().decode(text(n, "Signature") == null ? "" : text(n, "Signature")))) {
                return null;
            }
            return new SnsMessage(type, topic, text(n, "SubscribeURL"));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** An https URL on a host the SNS pattern allows, or null. */
    URI allowed(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url);
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getRawUserInfo() != null || u.getHost() == null
                    || !snsHost.matcher(u.getHost()).matches()) {
                return null;
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private X509Certificate certificate(String url) throws IOException, GeneralSecurityException {
        URI u = allowed(url);
        if (u == null) {
            return null;
        }
        synchronized (certificates) {
            X509Certificate known = certificates.get(u.toString());
            if (known != null) {
                known.checkValidity(java.util.Date.from(clock.instant()));
                return known;
            }
        }
        byte[] pem = get(u);
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
        cert.checkValidity(java.util.Date.from(clock.instant()));
        synchronized (certificates) {
            certificates.put(u.toString(), cert);
        }
        return cert;
    }

    /** Fetches an allowed https URL (no redirects, at most 64 KiB); an answer other than 200 fails. */
    byte[] get(URI u) throws IOException {
        HttpRequest r = HttpRequest.newBuilder(u).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<InputStream> res = http.send(r, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = res.body()) {
                if (res.statusCode() != 200) {
                    throw new IOException("GET " + u + " answered " + res.statusCode());
                }
                return in.readNBytes(MAX_CERTIFICATE_BYTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
