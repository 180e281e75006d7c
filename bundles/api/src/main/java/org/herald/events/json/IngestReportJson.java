package org.herald.events.json;

import java.util.List;

import org.herald.events.IngestReport;
import org.herald.events.IngestResult;
import org.herald.events.IngestResult.Outcome;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer to an ingestion: counts per outcome and one result per event in input order
 * ({@code index}, {@code id}, {@code outcome}, {@code contact}, {@code sequence} when stored,
 * {@code field} and {@code reason} otherwise).
 */
@JsonPropertyOrder({"stored", "duplicates", "ignored", "unknownContacts", "rejected", "results"})
public final class IngestReportJson {

    private final IngestReport report;

    private IngestReportJson(IngestReport report) {
        this.report = report;
    }

    public static IngestReportJson of(IngestReport report) {
        return new IngestReportJson(report);
    }

    public int getStored() {
        return report.count(Outcome.STORED);
    }

    public int getDuplicates() {
        return report.count(Outcome.DUPLICATE);
    }

    public int getIgnored() {
        return report.count(Outcome.IGNORED);
    }

    public int getUnknownContacts() {
        return report.count(Outcome.UNKNOWN_CONTACT);
    }

    public int getRejected() {
        return report.count(Outcome.REJECTED);
    }

    public List<Result> getResults() {
        return report.results().stream().map(Result::new).toList();
    }

    /** One event's result. */
    @JsonPropertyOrder({"index", "id", "outcome", "contact", "sequence", "field", "reason"})
    public static final class Result {
        private final IngestResult r;

        Result(IngestResult r) {
            this.r = r;
        }

        public int getIndex() {
            return r.index();
        }

        public String getId() {
            return r.id();
        }

        public Outcome getOutcome() {
            return r.outcome();
        }

        public String getContact() {
            return r.contactId();
        }

        public Long getSequence() {
            return r.sequence() == 0 ? null : r.sequence();
        }

        public String getField() {
            return r.field();
        }

        public String getReason() {
            return r.reason();
        }
    }
}
