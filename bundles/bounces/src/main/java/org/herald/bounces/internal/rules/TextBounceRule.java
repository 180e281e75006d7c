package org.herald.bounces.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.herald.bounce.BounceReason;
import org.herald.bounce.BounceRecord;
import org.herald.bounce.spi.BounceMessage;
import org.herald.bounce.spi.BounceRule;
import org.herald.bounce.spi.RuleOutcome;
import org.herald.bounces.internal.Addresses;
import org.herald.bounces.internal.Reasons;
import org.herald.bounces.internal.Signals;
import org.herald.bounces.internal.TextReport;

/**
 * A plain-text bounce of one MTA family: recognised by its own wording, read with the shared
 * {@link TextReport} reading, with the family's start and end markers and, where a family words a
 * cause its own way, the reason that wording means. Herald's dialects and its generic fallback are
 * instances of this rule.
 */
public class TextBounceRule implements BounceRule {

    private final String name;
    private final Predicate<BounceMessage> recognises;
    private final Pattern start;
    private final Pattern end;
    private final List<Object[]> phrases = new ArrayList<>();

    /**
     * @param name the family's name for logs
     * @param recognises whether a message is this family's bounce
     * @param start where the per-recipient report starts (text before it is the introduction), or null
     * @param end an extra marker of the end of the report, or null
     */
    public TextBounceRule(String name, Predicate<BounceMessage> recognises, Pattern start, Pattern end) {
        this.name = name;
        this.recognises = recognises;
        this.start = start;
        this.end = end;
    }

    /** A phrase this family uses for a cause the shared table would read otherwise. */
    public TextBounceRule phrase(String regex, BounceReason reason) {
        phrases.add(new Object[] {Pattern.compile(regex, Pattern.CASE_INSENSITIVE), reason});
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public RuleOutcome apply(BounceMessage m) {
        if (!recognises.test(m)) {
            return RuleOutcome.decline();
        }
        String section = TextReport.section(m.text(), end);
        if (start != null) {
            var matcher = start.matcher(section);
            if (matcher.find()) {
                section = section.substring(matcher.start());
            }
        }
        Set<String> excluded = TextReport.excluded(m);
        List<BounceRecord> records = TextReport.read(m, section, excluded);
        if (records.isEmpty() && !m.headers().has("X-Failed-Recipients")) {
            // the failed address may be the bounce's own addressee (a report sent to the recipient's
            // postmaster, an anonymised copy): read again excluding only mail-system addresses
            records = TextReport.read(m, section, Set.of());
        }
        if (records.isEmpty()) {
            records = fallbackRecipients(m, section, excluded);
        }
        if (records.isEmpty()) {
            return RuleOutcome.decline();
        }
        List<BounceRecord> out = new ArrayList<>();
        for (BounceRecord r : records) {
            out.add(refine(r, section));
        }
        return RuleOutcome.records(out);
    }

    private BounceRecord refine(BounceRecord r, String section) {
        for (Object[] p : phrases) {
            Pattern pattern = (Pattern) p[0];
            if (r.diagnostic() != null && pattern.matcher(r.diagnostic()).find()) {
                return r.toBuilder().reason((BounceReason) p[1]).bounceClass(null).build();
            }
        }
        for (Object[] p : phrases) {
            if (((Pattern) p[0]).matcher(section).find()) {
                return r.toBuilder().reason((BounceReason) p[1]).bounceClass(null).build();
            }
        }
        return r;
    }

    /** When the text names no address: X-Failed-Recipients, else the returned message's single To. */
    private static List<BounceRecord> fallbackRecipients(BounceMessage m, String section, Set<String> excluded) {
        List<String> rcpts = TextReport.addresses(m.headers(), "X-Failed-Recipients");
        if (rcpts.isEmpty() && m.originalHeaders().isPresent()) {
            List<String> to = TextReport.addresses(m.originalHeaders().get(), "To");
            if (to.size() == 1) {
                rcpts = to;
            }
        }
        List<BounceRecord> out = new ArrayList<>();
        String words = org.herald.bounces.internal.Text.oneLine(section);
        for (String a : rcpts) {
            if (Addresses.isSystem(a)) {
                continue;
            }
            out.add(BounceRecord.builder().recipient(a).diagnostic(words)
                    .status(org.herald.bounces.internal.Text.status(section))
                    .replyCode(org.herald.bounces.internal.Text.replyCode(section)).build());
        }
        return out;
    }

    /** The fallback for bounces of any mail system: anything that presents itself as a bounce. */
    public static TextBounceRule generic() {
        return new TextBounceRule("generic", Signals::looksLikeBounce, null, null);
    }

    static boolean textHas(BounceMessage m, Pattern p) {
        return p.matcher(m.text()).find();
    }

    static BounceReason reasonOf(String s) {
        return Reasons.fromText(s);
    }
}
