package org.herald.bounces.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.DeliveryStatus;
import org.herald.bounce.spi.HeaderBlock;
import org.herald.bounce.spi.RuleOutcome;
import org.herald.bounces.internal.Addresses;
import org.herald.bounces.internal.Deadline;
import org.herald.bounces.internal.MessageParserAccess;
import org.herald.bounces.internal.Reasons;
import org.herald.bounces.internal.Text;
import org.herald.bounces.internal.TextReport;

/**
 * RFC 3464 delivery status notifications: one record per recipient block. The status comes from
 * {@code Status} (or the diagnostic when {@code Status} is only x.0.0), the words from
 * {@code Diagnostic-Code} and vendor extensions ({@code X-Postfix-*}, {@code X-Remote-MTA-*}…),
 * and, where the block says nothing, from the lines of the human-readable part naming the recipient.
 * Also reads delivery-status fields pasted into the text of a non-MIME report.
 */
public final class DeliveryStatusRule implements BounceRule {

    @Override
    public String name() {
        return "rfc3464";
    }

    @Override
    public RuleOutcome apply(BounceMessage m) {
        DeliveryStatus ds = m.deliveryStatus().orElse(null);
        if (ds == null || ds.recipientFields().isEmpty()) {
            ds = inText(m.text());
        }
        if (ds == null || ds.recipientFields().isEmpty()) {
            return RuleOutcome.decline();
        }
        String section = null;
        List<BounceRecord> textRecords = null;
        List<BounceRecord> out = new ArrayList<>();
        for (HeaderBlock b : ds.recipientFields()) {
            Deadline.check();
            String recipient = address(b.get("Final-Recipient"));
            String originalRecipient = address(b.get("Original-Recipient"));
            if (recipient == null) {
                recipient = address(b.get("X-Actual-Recipient"));
            }
            if (recipient == null) {
                recipient = originalRecipient;
            }
            if (recipient == null) {
                continue;
            }
            String action = b.get("Action").toLowerCase(Locale.ROOT).trim();
            String status = Text.status(b.get("Status"));
            String diagnostic = stripType(b.get("Diagnostic-Code"));
            for (HeaderBlock.Field f : b.withPrefix("X-")) {
                String n = f.name().toLowerCase(Locale.ROOT);
                if ((n.contains("diagnostic") || n.contains("reason") || n.contains("response")) && diagnostic.isEmpty()) {
                    diagnostic = stripType(f.value());
                }
            }
            Integer code = Text.replyCode(diagnostic);
            String diagStatus = Text.status(diagnostic);
            if (!Text.specific(status) && Text.specific(diagStatus)) {
                status = diagStatus;
            }
            BounceRecord.Builder r = BounceRecord.builder().recipient(recipient).status(status).replyCode(code)
                    .originalRecipient(originalRecipient);
            if (action.startsWith("delivered") || action.startsWith("relayed") || action.startsWith("expanded")) {
                out.add(r.diagnostic(Text.oneLine(diagnostic)).reason(BounceReason.DELIVERED)
                        .bounceClass(BounceClass.DELIVERED).build());
                continue;
            }
            String words = diagnostic;
            if (Reasons.fromText(words) == null && textRecords == null) {
                section = TextReport.section(m);
                textRecords = TextReport.read(m, section, TextReport.excluded(m));
            }
            if (Reasons.fromText(words) == null) {
                // the block gives no cause: use what the human-readable part says of this recipient
                for (BounceRecord t : textRecords) {
                    if (recipient.equals(t.recipient()) && t.diagnostic() != null) {
                        if (words.isBlank() || Reasons.fromText(t.diagnostic()) != null
                                || Reasons.beforeRecipient(t.diagnostic())) {
                            words = words.isBlank() ? t.diagnostic() : words + " " + t.diagnostic();
                        }
                        if (code == null) {
                            code = t.replyCode();
                            r.replyCode(code);
                        }
                        if (!Text.specific(status) && Text.specific(t.status())) {
                            status = t.status();
                            r.status(status);
                        }
                    }
                }
                if (Reasons.fromText(words) == null && textRecords.size() <= 1) {
                    String whole = Text.oneLine(section);
                    if (Reasons.fromText(whole) != null && !hardFromShared(whole)) {
                        words = words.isBlank() ? whole : words + " " + whole;
                    }
                }
            }
            r.diagnostic(words.isBlank() ? null : Text.oneLine(words));
            BounceReason reason = Reasons.infer(status, code, words);
            if (reason.defaultClass() == BounceClass.HARD || reason == BounceReason.UNDEFINED) {
                // whether the address itself was refused depends on the SMTP stage: the block rarely
                // says, the human-readable part often does ("in reply to RCPT TO command")
                Reasons.Stage stage = Reasons.stage(words);
                if (stage == null && !b.has("Remote-MTA") && !b.has("X-Remote-MTA")
                        && !b.get("Diagnostic-Code").toLowerCase(Locale.ROOT).startsWith("smtp")
                        && Text.replyCode(words) == null) {
                    // RFC 3464 2.3.5: no Remote-MTA means no remote server answered; the reporting
                    // system speaks first-hand of its own mailbox
                    stage = Reasons.Stage.LOCAL;
                }
                if (stage == null) {
                    if (section == null) {
                        section = TextReport.section(m);
                    }
                    stage = Reasons.stage(TextReport.paragraphAbout(section, recipient));
                    if (stage == null && ds.recipientFields().size() == 1) {
                        stage = Reasons.stage(section);
                    }
                }
                reason = Reasons.weigh(reason, status, stage);
                r.unconfirmed(Reasons.unconfirmed(reason, status, stage));
            }
            if (reason == BounceReason.UNDEFINED && action.startsWith("delayed")) {
                reason = BounceReason.EXPIRED;
            }
            if (reason == BounceReason.UNDEFINED) {
                // leave it to the classifier's completion, which also looks at the SMTP stage
                r.reason(null);
            } else {
                r.reason(reason).bounceClass(Reasons.classOf(reason, status, code, action));
            }
            out.add(r.build());
        }
        return RuleOutcome.records(out);
    }

    private static boolean hardFromShared(String text) {
        BounceReason r = Reasons.fromText(text);
        return r != null && r.defaultClass() == BounceClass.HARD;
    }

    /** Delivery-status fields pasted into a text part. */
    static DeliveryStatus inText(String text) {
        int i = indexOfField(text, "Final-Recipient:");
        if (i < 0) {
            return null;
        }
        int start = text.lastIndexOf("\n\n", i);
        String tail = text.substring(start < 0 ? 0 : start).replaceAll("(?m)^[ \\t]+(?=[A-Za-z-]+:)", "");
        DeliveryStatus ds = MessageParserAccess.deliveryStatus(tail);
        List<HeaderBlock> blocks = new ArrayList<>();
        for (HeaderBlock b : ds.recipientFields()) {
            if (b.has("Final-Recipient") || b.has("Original-Recipient")) {
                blocks.add(b);
            }
        }
        if (blocks.isEmpty() && ds.messageFields().has("Final-Recipient")) {
            blocks.add(ds.messageFields());
        }
        return new DeliveryStatus(HeaderBlock.empty(), blocks);
    }

    private static int indexOfField(String text, String field) {
        int i = text.indexOf(field);
        return i;
    }

    static String address(String field) {
        if (field == null || field.isBlank()) {
            return null;
        }
        String v = field;
        int semi = v.indexOf(';');
        if (semi >= 0 && semi < 20) {
            v = v.substring(semi + 1);
        }
        String a = Addresses.first(v);
        return a;
    }

    static String stripType(String diagnostic) {
        String d = diagnostic == null ? "" : diagnostic.trim();
        int semi = d.indexOf(';');
        if (semi > 0 && semi < 12 && d.substring(0, semi).matches("(?i)[a-z0-9-]+")) {
            d = d.substring(semi + 1).trim();
        }
        return d;
    }
}
