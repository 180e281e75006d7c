package org.herald.events;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The results of one ingested batch, in input order, with counts per outcome. */
public final class IngestReport {

    private final List<IngestResult> results;
    private final Map<IngestResult.Outcome, Integer> counts;

    private IngestReport(List<IngestResult> results) {
        this.results = List.copyOf(results);
        Map<IngestResult.Outcome, Integer> c = new EnumMap<>(IngestResult.Outcome.class);
        for (IngestResult.Outcome o : IngestResult.Outcome.values()) {
            c.put(o, 0);
        }
        for (IngestResult r : results) {
            c.merge(r.outcome(), 1, Integer::sum);
        }
        this.counts = Map.copyOf(c);
    }

    public static IngestReport of(List<IngestResult> results) {
        return new IngestReport(results);
    }

    public List<IngestResult> results() {
        return results;
    }

    public int count(IngestResult.Outcome outcome) {
        return counts.get(outcome);
    }

    /** Whether every event is STORED, DUPLICATE or IGNORED: nothing for the sender to fix or resend. */
    public boolean allFinal() {
        return results.stream().allMatch(r -> r.outcome().isFinal());
    }
}
