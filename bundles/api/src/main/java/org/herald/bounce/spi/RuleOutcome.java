package org.herald.bounce.spi;

import java.util.List;

import org.herald.bounce.BounceRecord;

/**
 * What a {@link BounceRule} decided: decline (let the next rule look), records, or "this is
 * ordinary mail" (stop, no records).
 */
public final class RuleOutcome {

    private enum Kind { DECLINE, RECORDS, NOT_A_REPORT }

    private static final RuleOutcome DECLINE = new RuleOutcome(Kind.DECLINE, List.of());
    private static final RuleOutcome NOT_A_REPORT = new RuleOutcome(Kind.NOT_A_REPORT, List.of());

    private final Kind kind;
    private final List<BounceRecord> records;

    private RuleOutcome(Kind kind, List<BounceRecord> records) {
        this.kind = kind;
        this.records = records;
    }

    /** The rule does not recognise the message; the next rule gets it. */
    public static RuleOutcome decline() {
        return DECLINE;
    }

    /** The message is ordinary mail, not a bounce, complaint or auto-reply: no record, no further rule. */
    public static RuleOutcome notAReport() {
        return NOT_A_REPORT;
    }

    /**
     * The rule recognised the message and found these records (an empty list counts as decline).
     * A record whose {@code reason} is {@code null} is completed by the classifier from its status,
     * reply code and diagnostic text.
     */
    public static RuleOutcome records(List<BounceRecord> records) {
        return records == null || records.isEmpty() ? DECLINE : new RuleOutcome(Kind.RECORDS, List.copyOf(records));
    }

    public boolean declined() {
        return kind == Kind.DECLINE;
    }

    public boolean notReport() {
        return kind == Kind.NOT_A_REPORT;
    }

    /** The records; empty unless the rule gave some. */
    public List<BounceRecord> recordList() {
        return records;
    }
}
