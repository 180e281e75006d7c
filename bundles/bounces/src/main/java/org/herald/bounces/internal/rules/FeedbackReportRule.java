package org.herald.bounces.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.HeaderBlock;
import org.herald.bounce.spi.RuleOutcome;
import org.herald.bounces.internal.Addresses;
import org.herald.bounces.internal.TextReport;

/**
 * RFC 5965 Abuse Reporting Format: a {@code message/feedback-report} part. One record per
 * reported recipient ({@code Original-Rcpt-To}, else {@code Removal-Recipient}, else the returned
 * message's {@code To}). Abuse, fraud, opt-out, virus and other reports are complaints; an
 * {@code auth-failure} report is BLOCKED (the sender's authentication failed); {@code not-spam} is
 * UNKNOWN.
 */
public final class FeedbackReportRule implements BounceRule {

    @Override
    public String name() {
        return "arf";
    }

    @Override
    public RuleOutcome apply(BounceMessage m) {
        if (m.feedbackReport().isEmpty()) {
            return RuleOutcome.decline();
        }
        HeaderBlock f = m.feedbackReport().get();
        String type = f.get("Feedback-Type").toLowerCase(Locale.ROOT).trim();
        if (type.isEmpty()) {
            type = "abuse";
        }
        List<String> recipients = TextReport.addresses(f, "Original-Rcpt-To");
        if (recipients.isEmpty()) {
            recipients = TextReport.addresses(f, "Removal-Recipient");
        }
        if (recipients.isEmpty() && m.originalHeaders().isPresent()) {
            recipients = TextReport.addresses(m.originalHeaders().get(), "To");
        }
        if (recipients.isEmpty()) {
            recipients = new ArrayList<>();
            recipients.add(null);
        }
        BounceClass cls;
        BounceReason reason;
        switch (type) {
            case "auth-failure", "dmarc" -> {
                cls = BounceClass.BLOCKED;
                reason = BounceReason.AUTH_FAILURE;
            }
            case "not-spam" -> {
                cls = BounceClass.UNKNOWN;
                reason = BounceReason.FEEDBACK;
            }
            default -> {
                cls = BounceClass.COMPLAINT;
                reason = BounceReason.FEEDBACK;
            }
        }
        String original = m.originalHeaders().map(h -> Addresses.first(h.get("To"))).orElse(null);
        List<BounceRecord> out = new ArrayList<>();
        for (String r : recipients) {
            out.add(BounceRecord.builder().recipient(r).reason(reason).bounceClass(cls).feedbackType(type)
                    .originalRecipient(original)
                    .diagnostic(f.first("Authentication-Results").orElse(null))
                    .note(cls == BounceClass.UNKNOWN ? "feedback report of type not-spam: not a complaint" : null)
                    .build());
        }
        return RuleOutcome.records(out);
    }
}
