package org.herald.bounces.processing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.common.ValidationException;
import org.herald.json.HeraldJson;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * The event notifications sending providers post to a webhook, read into bounce records: Amazon SES
 * (through SNS: {@code Type: Notification} with the SES notification as the {@code Message} string, or the
 * SES notification itself), SendGrid (an array of events), Mailgun ({@code event-data}) and Postmark (one
 * bounce or spam complaint). One {@link Event} per provider event, keyed by the provider's event id so a
 * notification sent twice is a duplicate; events that say nothing Herald acts on (deliveries, opens,
 * deferrals a provider still retries) are left out.
 */
final class ProviderEvents {

    static final List<String> PROVIDERS = List.of("ses", "sendgrid", "mailgun", "postmark");

    /** Herald's JSON settings, but lenient about members Herald does not read (providers add them freely). */
    private static final ObjectReader JSON = HeraldJson.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern STATUS = Pattern.compile("\\b([245])\\.(\\d{1,3})\\.(\\d{1,3})\\b");
    private static final Pattern CODE = Pattern.compile("\\b([45]\\d\\d)\\b");

    /** One provider event: its key, what it says, and the event's own JSON (kept for the quarantine). */
    record Event(String key, List<BounceRecord> records, byte[] raw) {
    }

    /** An SNS subscription to confirm: the URL the operator must visit (never fetched by Herald). */
    static final class SubscriptionConfirmation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String url;

        SubscriptionConfirmation(String url) {
            super("SNS subscription confirmation", null, false, false);
            this.url = url;
        }
    }

    private ProviderEvents() {
    }

    /**
     * The events of one webhook body. An unreadable body is a {@link ValidationException}; an unknown
     * provider too.
     */
    static List<Event> parse(String provider, byte[] body) {
        String p = provider == null ? "" : provider.toLowerCase(Locale.ROOT);
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new ValidationException("body", null, "the " + p + " notification is not valid JSON");
        }
        if (root == null || root.isMissingNode()) {
            throw new ValidationException("body", null, "the " + p + " notification is empty");
        }
        return switch (p) {
            case "ses" -> ses(root);
            case "sendgrid" -> sendgrid(root);
            case "mailgun" -> mailgun(root);
            case "postmark" -> postmark(root);
            default -> throw new ValidationException("provider", provider, "unknown provider '" + provider
                    + "': one of " + PROVIDERS);
        };
    }

    // ---- Amazon SES

    private static List<Event> ses(JsonNode root) {
        JsonNode n = root;
        String type = text(root, "Type");
        if ("SubscriptionConfirmation".equals(type)) {
            throw new SubscriptionConfirmation(text(root, "SubscribeURL"));
        }
        if ("Notification".equals(type)) {
            try {
                n = JSON.readTree(text(root, "Message"));
            } catch (IOException | IllegalArgumentException e) {
                throw new ValidationException("Message", null, "the SNS notification's Message is not an SES notification");
            }
        }
        String kind = text(n, "notificationType") != null ? text(n, "notificationType") : text(n, "eventType");
        JsonNode mail = n.path("mail");
        String messageId = sesMessageId(mail);
        List<BounceRecord> records = new ArrayList<>();
        String id;
        if ("Bounce".equals(kind)) {
            JsonNode b = n.path("bounce");
            id = text(b, "feedbackId");
            String bounceType = text(b, "bounceType");
            String subType = text(b, "bounceSubType");
            for (JsonNode r : b.path("bouncedRecipients")) {
                String status = text(r, "status");
                String diagnostic = text(r, "diagnosticCode");
                BounceClass cls = "Permanent".equals(bounceType) ? BounceClass.HARD
                        : "Transient".equals(bounceType) ? BounceClass.SOFT : BounceClass.UNKNOWN;
                BounceReason reason = switch (subType == null ? "" : subType) {
                    case "NoEmail" -> BounceReason.USER_UNKNOWN;
                    case "Suppressed", "OnAccountSuppressionList" -> BounceReason.SUPPRESSED;
                    case "MailboxFull" -> BounceReason.MAILBOX_FULL;
                    case "MessageTooLarge" -> BounceReason.TOO_LARGE;
                    case "ContentRejected", "AttachmentRejected" -> BounceReason.CONTENT_ERROR;
                    default -> fromStatus(status != null ? status : diagnostic, cls);
                };
                cls = classOf(cls, reason);
                records.add(record(text(r, "emailAddress"), status, diagnostic, reason, cls, null, messageId));
            }
        } else if ("Complaint".equals(kind)) {
            JsonNode c = n.path("complaint");
            id = text(c, "feedbackId");
            for (JsonNode r : c.path("complainedRecipients")) {
                records.add(record(text(r, "emailAddress"), null, null, BounceReason.FEEDBACK, BounceClass.COMPLAINT,
                        text(c, "complaintFeedbackType") == null ? "abuse" : text(c, "complaintFeedbackType"), messageId));
            }
        } else {
            return List.of();
        }
        return List.of(new Event("ses:" + (id != null ? id : text(mail, "messageId") + ":" + kind), records,
                bytes(n)));
    }

    private static String sesMessageId(JsonNode mail) {
        for (JsonNode h : mail.path("headers")) {
            if ("message-id".equalsIgnoreCase(text(h, "name"))) {
                return bare(text(h, "value"));
            }
        }
        return bare(text(mail.path("commonHeaders"), "messageId"));
    }

    // ---- SendGrid

    private static List<Event> sendgrid(JsonNode root) {
        List<Event> out = new ArrayList<>();
        for (JsonNode e : root.isArray() ? root : List.of(root)) {
            String event = text(e, "event");
            String email = text(e, "email");
            String status = text(e, "status");
            String reasonText = text(e, "reason");
            String messageId = bare(text(e, "smtp-id"));
            BounceRecord r;
            if ("bounce".equals(event)) {
                boolean blocked = "blocked".equals(text(e, "type"));
                BounceClass cls = blocked ? BounceClass.BLOCKED : status != null && status.startsWith("4")
                        ? BounceClass.SOFT : BounceClass.HARD;
                BounceReason reason = blocked ? BounceReason.BLOCKED : fromStatus(status != null ? status : reasonText, cls);
                r = record(email, status, reasonText, reason, classOf(cls, reason), null, messageId);
            } else if ("dropped".equals(event) && reasonText != null
                    && reasonText.toLowerCase(Locale.ROOT).matches(".*(bounced address|invalid).*")) {
                r = record(email, status, reasonText, BounceReason.SUPPRESSED, BounceClass.HARD, null, messageId);
            } else if ("spamreport".equals(event)) {
                r = record(email, null, null, BounceReason.FEEDBACK, BounceClass.COMPLAINT, "abuse", messageId);
            } else {
                continue;
            }
            String id = text(e, "sg_event_id");
            out.add(new Event("sendgrid:" + (id != null ? id : DefaultBounceProcessor.sha256(bytes(e))), List.of(r), bytes(e)));
        }
        return out;
    }

    // ---- Mailgun

    private static List<Event> mailgun(JsonNode root) {
        JsonNode e = root.has("event-data") ? root.get("event-data") : root;
        String event = text(e, "event");
        String email = text(e, "recipient");
        JsonNode ds = e.path("delivery-status");
        String status = text(ds, "enhanced-code");
        String code = ds.hasNonNull("code") ? ds.get("code").asText() : null;
        String diagnostic = text(ds, "description") != null && !text(ds, "description").isBlank()
                ? text(ds, "description") : text(ds, "message");
        String messageId = bare(text(e.path("message").path("headers"), "message-id"));
        BounceRecord r;
        if ("failed".equals(event)) {
            BounceClass cls = "temporary".equals(text(e, "severity")) ? BounceClass.SOFT : BounceClass.HARD;
            BounceReason reason = "suppress-bounce".equals(text(e, "reason")) ? BounceReason.SUPPRESSED
                    : fromStatus(status != null ? status : (code != null ? code + " " : "") + diagnostic, cls);
            r = record(email, status, diagnostic, reason, classOf(cls, reason), null, messageId);
            if (code != null && code.matches("\\d{3}")) {
                r = r.toBuilder().replyCode(Integer.valueOf(code)).build();
            }
        } else if ("complained".equals(event)) {
            r = record(email, null, null, BounceReason.FEEDBACK, BounceClass.COMPLAINT, "abuse", messageId);
        } else {
            return List.of();
        }
        String id = text(e, "id");
        return List.of(new Event("mailgun:" + (id != null ? id : DefaultBounceProcessor.sha256(bytes(e))), List.of(r),
                bytes(e)));
    }

    // ---- Postmark

    private static List<Event> postmark(JsonNode e) {
        String record = text(e, "RecordType");
        String type = text(e, "Type");
        String email = text(e, "Email");
        String details = text(e, "Details") != null ? text(e, "Details") : text(e, "Description");
        BounceRecord r;
        if ("SpamComplaint".equals(record) || "SpamComplaint".equals(type) || "SpamNotification".equals(type)) {
            r = record(email, null, null, BounceReason.FEEDBACK, BounceClass.COMPLAINT, "abuse", null);
        } else if ("Bounce".equals(record) || record == null && type != null) {
            BounceReason reason;
            BounceClass cls;
            switch (type == null ? "" : type) {
                case "HardBounce", "BadEmailAddress", "ManuallyDeactivated" -> {
                    cls = BounceClass.HARD;
                    reason = "BadEmailAddress".equals(type) ? BounceReason.USER_UNKNOWN : fromStatus(details, cls);
                }
                case "SoftBounce", "Transient", "DnsError" -> {
                    cls = BounceClass.SOFT;
                    reason = "DnsError".equals(type) ? BounceReason.NETWORK_ERROR : fromStatus(details, cls);
                }
                case "Blocked", "ContentRelated", "VirusNotification", "ChallengeVerification" -> {
                    cls = BounceClass.BLOCKED;
                    reason = "VirusNotification".equals(type) ? BounceReason.VIRUS_DETECTED : BounceReason.BLOCKED;
                }
                case "AutoResponder" -> {
                    cls = BounceClass.AUTOREPLY;
                    reason = BounceReason.VACATION;
                }
                default -> {
                    cls = BounceClass.UNKNOWN;
                    reason = BounceReason.UNDEFINED;
                }
            }
            r = record(email, status(details), details, reason, classOf(cls, reason), null, null);
        } else {
            return List.of();
        }
        String id = e.hasNonNull("ID") ? e.get("ID").asText() : null;
        return List.of(new Event("postmark:" + (id != null ? id : DefaultBounceProcessor.sha256(bytes(e))), List.of(r),
                bytes(e)));
    }

    // ---- shared

    private static BounceRecord record(String email, String status, String diagnostic, BounceReason reason,
            BounceClass cls, String feedbackType, String messageId) {
        Integer code = null;
        if (diagnostic != null) {
            Matcher m = CODE.matcher(diagnostic);
            if (m.find()) {
                code = Integer.valueOf(m.group(1));
            }
        }
        return BounceRecord.builder().recipient(email == null ? null : email.trim().toLowerCase(Locale.ROOT))
                .status(status(status)).replyCode(code).diagnostic(oneLine(diagnostic)).reason(reason)
                .bounceClass(cls).feedbackType(feedbackType).originalMessageId(messageId).build();
    }

    /** The reason an enhanced status code (or a reply with one) implies, else the class's general reason. */
    static BounceReason fromStatus(String text, BounceClass cls) {
        String s = status(text);
        if (s != null) {
            switch (s) {
                case "5.1.1", "5.1.0", "5.1.3" -> {
                    return BounceReason.USER_UNKNOWN;
                }
                case "5.1.2" -> {
                    return BounceReason.HOST_UNKNOWN;
                }
                case "5.1.6" -> {
                    return BounceReason.HAS_MOVED;
                }
                case "5.2.1" -> {
                    return BounceReason.SUSPENDED;
                }
                case "5.2.2", "4.2.2" -> {
                    return BounceReason.MAILBOX_FULL;
                }
                case "5.3.4" -> {
                    return BounceReason.TOO_LARGE;
                }
                case "4.4.7" -> {
                    return BounceReason.EXPIRED;
                }
                default -> {
                }
            }
            if (s.startsWith("5.7.")) {
                return BounceReason.POLICY_VIOLATION;
            }
            if (s.startsWith("4.4.")) {
                return BounceReason.NETWORK_ERROR;
            }
        }
        // a failure without a code: the provider's class stands, the reason stays open
        return cls == BounceClass.SOFT ? BounceReason.SYSTEM_ERROR : null;
    }

    /** A permanent failure whose reason says "blocked" or "soft" is that, whatever the provider's flag said. */
    private static BounceClass classOf(BounceClass given, BounceReason reason) {
        if (reason == null || given == BounceClass.UNKNOWN || given == BounceClass.COMPLAINT) {
            return given;
        }
        BounceClass implied = reason.defaultClass();
        if (given == BounceClass.SOFT && implied == BounceClass.HARD) {
            return BounceClass.SOFT;
        }
        return implied;
    }

    private static String status(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = STATUS.matcher(text);
        return m.find() ? m.group(1) + "." + m.group(2) + "." + m.group(3) : null;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    private static String bare(String messageId) {
        if (messageId == null) {
            return null;
        }
        String s = messageId.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return s.isEmpty() ? null : s;
    }

    private static String oneLine(String s) {
        return s == null ? null : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    private static byte[] bytes(JsonNode n) {
        try {
            return HeraldJson.mapper().writeValueAsBytes(n);
        } catch (IOException e) {
            return n.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
