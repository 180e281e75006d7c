package org.herald.rest.internal.contacts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.herald.contacts.Contact;
import org.herald.contacts.ContactMetrics;
import org.herald.events.EventSummary;
import org.herald.rest.internal.events.ActivityJson;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A contact as the API shows it; always the same keys ({@code deletedAt} is null while live), plus
 * {@code activity} on {@code GET /contacts/{idOrEmail}} only (a list page would need a timeline
 * query per contact). {@code metrics} are the read-only system values Herald keeps from the
 * contact's events, with the same member names as the JSON export.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContactJson(String id, String email, String status, Map<String, Object> fields, List<String> tags,
        List<String> lists, boolean monitored, Instant created, Instant updated, Instant deletedAt, MetricsJson metrics,
        @JsonInclude(JsonInclude.Include.NON_NULL) ActivityJson activity,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> segments) {

    public static ContactJson of(Contact c) {
        return of(c, null);
    }

    /** The contact with its timeline summary ({@code null}: without). */
    public static ContactJson of(Contact c, EventSummary summary) {
        return new ContactJson(c.id(), c.email(), c.status() == null ? null : c.status().name(),
                new TreeMap<>(c.fields()), c.tags().stream().sorted().toList(), c.lists().stream().sorted().toList(),
                c.monitored(), c.created(), c.updated(), c.deletedAt(), MetricsJson.of(c.metrics()),
                summary == null ? null : ActivityJson.of(summary), null);
    }

    /** The contact card: with its timeline summary and the segments it is in. */
    public static ContactJson card(Contact c, EventSummary summary, List<String> segments) {
        ContactJson j = of(c, summary);
        return new ContactJson(j.id, j.email, j.status, j.fields, j.tags, j.lists, j.monitored, j.created, j.updated,
                j.deletedAt, j.metrics, j.activity, List.copyOf(segments));
    }

    /**
     * {@code score} and {@code stage} (the lead score and its stage label), {@code orderNumber}
     * (ORDER_NUMBER), {@code orderSummary} (ORDER_SUMMARY) and {@code orderAverage} (ORDER_AVG =
     * summary / number, two decimals). Read-only: input that sets them is refused.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MetricsJson(long score, String stage, long orderNumber, BigDecimal orderSummary, BigDecimal orderAverage) {

        static MetricsJson of(ContactMetrics m) {
            return new MetricsJson(m.score(), m.stage(), m.orderNumber(), m.orderSummary(), m.orderAverage());
        }
    }
}
