package org.herald.bounces.internal.rules;

import java.util.List;
import java.util.Locale;

import org.herald.bounce.BounceClass;
import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.RuleOutcome;
import org.herald.bounces.internal.Addresses;

/**
 * Complaints and opt-outs that are not ARF: a mailbox provider's junk-mail report that returns the
 * message with the original recipient in a provider header (e.g. {@code X-HmXmrOriginalRecipient}),
 * and one-click unsubscribe mails sent by mail clients ({@code X-Apple-Unsubscribe}, a
 * {@code List-Unsubscribe} mailto answered with subject "unsubscribe").
 */
public final class ComplaintMailRule implements BounceRule {

    @Override
    public String name() {
        return "complaint-mail";
    }

    @Override
    public RuleOutcome apply(BounceMessage m) {
        String subject = m.subject().toLowerCase(Locale.ROOT);
        if (m.headers().get("X-Apple-Unsubscribe").equalsIgnoreCase("true")
                || subject.equals("unsubscribe") && m.headers().get("Auto-Submitted").startsWith("auto-")) {
            return RuleOutcome.records(List.of(BounceRecord.builder().recipient(m.fromAddress())
                    .reason(BounceReason.FEEDBACK).bounceClass(BounceClass.COMPLAINT).feedbackType("opt-out")
                    .diagnostic("unsubscribe request sent by the recipient's mail client").build()));
        }
        if (m.originalHeaders().isPresent()) {
            var o = m.originalHeaders().get();
            String rcpt = null;
            for (var f : o.fields()) {
                String n = f.name().toLowerCase(Locale.ROOT);
                if (n.endsWith("originalrecipient") || n.equals("x-original-rcpt-to") && subject.contains("complaint")) {
                    rcpt = Addresses.first(f.value());
                    break;
                }
            }
            if (rcpt != null && (subject.contains("complaint") || subject.contains("junk") || subject.contains("spam")
                    || subject.contains("abuse"))) {
                return RuleOutcome.records(List.of(BounceRecord.builder().recipient(rcpt)
                        .reason(BounceReason.FEEDBACK).bounceClass(BounceClass.COMPLAINT).feedbackType("abuse")
                        .diagnostic(m.subject()).build()));
            }
        }
        return RuleOutcome.decline();
    }
}
