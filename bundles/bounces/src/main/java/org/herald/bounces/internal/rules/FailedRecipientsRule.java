package org.herald.bounces.internal.rules;

import java.util.ArrayList;
import java.util.List;

import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.RuleOutcome;
import org.herald.bounces.internal.Text;
import org.herald.bounces.internal.TextReport;

/**
 * {@code X-Failed-Recipients} (Exim, Gmail and others): one record per listed address, with what the
 * text says about it. Only used when no dialect read the message.
 */
public final class FailedRecipientsRule implements BounceRule {

    @Override
    public String name() {
        return "x-failed-recipients";
    }

    @Override
    public RuleOutcome apply(BounceMessage m) {
        List<String> rcpts = TextReport.addresses(m.headers(), "X-Failed-Recipients");
        if (rcpts.isEmpty()) {
            return RuleOutcome.decline();
        }
        String section = TextReport.section(m);
        List<BounceRecord> fromText = TextReport.read(m, section, TextReport.excluded(m));
        List<BounceRecord> out = new ArrayList<>();
        for (String a : rcpts) {
            BounceRecord found = null;
            for (BounceRecord r : fromText) {
                if (a.equals(r.recipient())) {
                    found = r;
                }
            }
            out.add(found != null ? found
                    : BounceRecord.builder().recipient(a).diagnostic(Text.oneLine(section))
                            .status(Text.status(section)).replyCode(Text.replyCode(section)).build());
        }
        return RuleOutcome.records(out);
    }
}
