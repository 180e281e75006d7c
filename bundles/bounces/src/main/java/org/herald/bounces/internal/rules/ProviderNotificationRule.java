package org.herald.bounces.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.RuleOutcome;
import org.herald.bounces.internal.Text;

/**
 * JSON event notifications mailed by sending providers (Amazon SES through SNS, and providers using
 * the same shape): {@code notificationType}/{@code eventType} Bounce, Complaint or Delivery, with
 * {@code bouncedRecipients}, {@code complainedRecipients} or {@code recipients}. Read with small,
 * bounded patterns: the notification is flat enough that a JSON library is not needed.
 */
public final class ProviderNotificationRule implements BounceRule {

    private static final Pattern TYPE = Pattern.compile("\"(?:notificationType|eventType)\"\\s*:\\s*\"(\\w{1,20})\"");
    private static final Pattern BOUNCE_TYPE = Pattern.compile("\"bounceType\"\\s*:\\s*\"(\\w{1,20})\"");
    private static final Pattern BOUNCE_SUBTYPE = Pattern.compile("\"bounceSubType\"\\s*:\\s*\"(\\w{1,40})\"");
    private static final Pattern RECIPIENT = Pattern.compile("\\{([^{}]{0,4000}\"emailAddress\"[^{}]{0,4000})\\}");
    private static final Pattern FIELD = Pattern.compile("\"(emailAddress|status|diagnosticCode|action)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.){0,2000})\"");
    private static final Pattern FEEDBACK = Pattern.compile("\"complaintFeedbackType\"\\s*:\\s*\"([\\w-]{1,40})\"");
    private static final Pattern DELIVERY_RCPTS = Pattern.compile("\"recipients\"\\s*:\\s*\\[([^\\]]{0,8000})\\]");
    private static final Pattern MESSAGE_ID = Pattern.compile("\"messageId\"\\s*:\\s*\"([^\"]{1,250})\"");

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
        Matcher t = TYPE.matcher(text);
        if (!t.find()) {
            return RuleOutcome.decline();
        }
        String type = t.group(1).toLowerCase(Locale.ROOT);
        String json = text.substring(brace);
        List<BounceRecord> out = new ArrayList<>();
        String messageId = group(MESSAGE_ID, json);
        switch (type) {
            case "bounce" -> {
                String bounceType = String.valueOf(group(BOUNCE_TYPE, json)).toLowerCase(Locale.ROOT);
                String subType = String.valueOf(group(BOUNCE_SUBTYPE, json)).toLowerCase(Locale.ROOT);
                String section = sectionOf(json, "bouncedRecipients");
                Matcher r = RECIPIENT.matcher(section);
                while (r.find()) {
                    String obj = r.group(1);
                    String address = field(obj, "emailAddress");
                    String status = Text.status(field(obj, "status"));
                    String diag = unescape(field(obj, "diagnosticCode"));
                    BounceRecord.Builder b = BounceRecord.builder().recipient(address).status(status)
                            .replyCode(Text.replyCode(diag)).diagnostic(Text.oneLine(diag)).originalMessageId(messageId);
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
                String fb = group(FEEDBACK, json);
                String section = sectionOf(json, "complainedRecipients");
                Matcher r = RECIPIENT.matcher(section);
                while (r.find()) {
                    out.add(BounceRecord.builder().recipient(field(r.group(1), "emailAddress"))
                            .reason(BounceReason.FEEDBACK).bounceClass(BounceClass.COMPLAINT)
                            .feedbackType(fb == null ? "abuse" : fb.toLowerCase(Locale.ROOT))
                            .originalMessageId(messageId).build());
                }
            }
            case "delivery" -> {
                String list = group(DELIVERY_RCPTS, json);
                if (list != null) {
                    for (String a : list.split(",")) {
                        String addr = a.replaceAll("[\"\\s]", "");
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

    private static String sectionOf(String json, String key) {
        int i = json.indexOf("\"" + key + "\"");
        if (i < 0) {
            return "";
        }
        int end = json.indexOf(']', i);
        return json.substring(i, end < 0 ? json.length() : end);
    }

    private static String field(String obj, String name) {
        Matcher f = FIELD.matcher(obj);
        while (f.find()) {
            if (f.group(1).equals(name)) {
                return f.group(2);
            }
        }
        return null;
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    private static String unescape(String s) {
        return s == null ? null : s.replace("\\n", " ").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
