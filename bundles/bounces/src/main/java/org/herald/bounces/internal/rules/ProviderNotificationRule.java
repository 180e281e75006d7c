package org.herald.bounces.internal.rules;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.RuleOutcome;
import org.herald.bounces.internal.Text;
import org.herald.json.HeraldJson;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;

/**
 * JSON event notifications mailed by sending providers (Amazon SES through SNS, and providers using
 * the same shape): {@code notificationType}/{@code eventType} Bounce, Complaint or Delivery, with
 * {@code bouncedRecipients}, {@code complainedRecipients} or {@code recipients}. Read with Herald's
 * Jackson configuration as a tree; a notification that is not valid JSON is declined (other rules
 * may still read the mail).
 */
public final class ProviderNotificationRule implements BounceRule {

    /**
     * Herald's settings, except: the notification is followed by the provider's footer text, and a
     * mail transport may have broken a long line inside a string (raw line breaks there are kept).
     */
    private static final ObjectReader JSON = HeraldJson.mapper().reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS);

    /**
     * The continuation a mail transport inserts to break a line longer than SMTP allows ("!", line
     * break, space): never valid JSON, so removing it restores the provider's document.
     */
    private static final Pattern LINE_BREAK = Pattern.compile("!\r?\n ");

    @Override
    public String name() {
        return "provider-json";
    }

    @Override
    public RuleOutcome apply(BounceMessage m) {
        String text = m.text();
        int brace = text.indexOf('{');
        if (brace < 0 || brace > 2000) {
            return RuleOutcome.decline();
        }
        JsonNode json = parse(text.substring(brace));
        if (json == null || !json.isObject()) {
            return RuleOutcome.decline();
        }
        String type = text(json, "notificationType");
        if (type == null) {
            type = text(json, "eventType");
        }
        if (type == null) {
            return RuleOutcome.decline();
        }
        List<BounceRecord> out = new ArrayList<>();
        String messageId = text(json, "messageId");
        switch (type.toLowerCase(Locale.ROOT)) {
            case "bounce" -> {
                String bounceType = String.valueOf(text(json, "bounceType")).toLowerCase(Locale.ROOT);
                String subType = String.valueOf(text(json, "bounceSubType")).toLowerCase(Locale.ROOT);
                for (JsonNode r : recipients(json, "bouncedRecipients")) {
                    String diag = oneLine(string(r, "diagnosticCode"));
                    BounceRecord.Builder b = BounceRecord.builder().recipient(string(r, "emailAddress"))
                            .status(Text.status(string(r, "status"))).replyCode(Text.replyCode(diag))
                            .diagnostic(Text.oneLine(diag)).originalMessageId(messageId);
                    if (subType.contains("suppressed") || subType.contains("onaccountsuppressionlist")) {
                        b.reason(BounceReason.SUPPRESSED);
                    } else if (bounceType.equals("transient") && diag == null) {
                        b.reason(subType.contains("mailboxfull") ? BounceReason.MAILBOX_FULL
                                : subType.contains("messagetoolarge") ? BounceReason.TOO_LARGE
                                : subType.contains("contentrejected") ? BounceReason.CONTENT_ERROR
                                : BounceReason.SYSTEM_ERROR);
                    } else if (bounceType.equals("undetermined") && diag == null) {
                        b.reason(BounceReason.ON_HOLD).note("the provider could not determine the bounce type");
                    }
                    out.add(b.build());
                }
            }
            case "complaint" -> {
                String fb = text(json, "complaintFeedbackType");
                for (JsonNode r : recipients(json, "complainedRecipients")) {
                    out.add(BounceRecord.builder().recipient(string(r, "emailAddress"))
                            .reason(BounceReason.FEEDBACK).bounceClass(BounceClass.COMPLAINT)
                            .feedbackType(fb == null ? "abuse" : fb.toLowerCase(Locale.ROOT))
                            .originalMessageId(messageId).build());
                }
            }
            case "delivery" -> {
                JsonNode list = json.findValue("recipients");
                if (list != null && list.isArray()) {
                    for (JsonNode a : list) {
                        String addr = a.isTextual() ? a.asText().strip() : "";
                        if (addr.contains("@")) {
                            out.add(BounceRecord.builder().recipient(addr).reason(BounceReason.DELIVERED)
                                    .bounceClass(BounceClass.DELIVERED).originalMessageId(messageId).build());
                        }
                    }
                }
            }
            default -> {
                return RuleOutcome.decline();
            }
        }
        return RuleOutcome.records(out);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(LINE_BREAK.matcher(json).replaceAll(""));
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The first string value of {@code key} anywhere in the document, in document order. */
    private static String text(JsonNode json, String key) {
        JsonNode v = json.findValue(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    /** The recipient objects (with an {@code emailAddress}) of the first {@code key} array. */
    private static List<JsonNode> recipients(JsonNode json, String key) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode list = json.findValue(key);
        if (list != null && list.isArray()) {
            for (JsonNode r : list) {
                if (r.isObject() && r.path("emailAddress").isTextual()) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static String string(JsonNode object, String key) {
        JsonNode v = object.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String oneLine(String s) {
        return s == null ? null : s.replace("\r\n", " ").replace('\n', ' ');
    }
}
