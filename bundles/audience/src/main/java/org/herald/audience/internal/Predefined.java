package org.herald.audience.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.herald.audience.internal.events.ActivityListener;
import org.herald.store.SegmentSql;
import org.herald.store.SegmentStore;

/**
 * The predefined segments (DESIGN.md §1 "Precise rules"), as condition trees in JSON built when
 * they are evaluated: RFM and spenders depend on the quintiles of today's buyers, so their
 * thresholds are computed from the data each time (a copy keeps the thresholds of its moment).
 * <p>
 * RFM (ours): R, F, M are 1–5 by quintile among buyers (R from the time of the last order, F =
 * ORDER_NUMBER, M = ORDER_SUMMARY; a score is 1 + the number of cut points below the value). The
 * classes are tried in this order, so each buyer is in exactly one: champions (R≥4, F≥4), can't
 * lose (R≤2, F≥4, M≥4), at risk (R≤2, F≥3), loyal (R=3, F≥4), new (R=5, F=1), potential (R≥3,
 * F≤3), hibernating (R=2, F≤2), lost (R=1, F≤2). R thresholds are turned into "purchased in N
 * days" with whole days.
 */
final class Predefined {

    static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

    static {
        DESCRIPTIONS.put("engaged", "an interaction in the engagement window, or younger than it");
        DESCRIPTIONS.put("unengaged", "no interaction in the engagement window and older than it");
        DESCRIPTIONS.put("never-opened", "never opened a message");
        DESCRIPTIONS.put("new-30-days", "created in the last 30 days");
        DESCRIPTIONS.put("rfm-champions", "RFM: R>=4, F>=4");
        DESCRIPTIONS.put("rfm-loyal", "RFM: R=3, F>=4");
        DESCRIPTIONS.put("rfm-potential", "RFM: R>=3, F<=3 (not new)");
        DESCRIPTIONS.put("rfm-new", "RFM: R=5, F=1");
        DESCRIPTIONS.put("rfm-at-risk", "RFM: R<=2, F>=3 (not can't lose)");
        DESCRIPTIONS.put("rfm-cant-lose", "RFM: R<=2, F>=4, M>=4");
        DESCRIPTIONS.put("rfm-hibernating", "RFM: R=2, F<=2");
        DESCRIPTIONS.put("rfm-lost", "RFM: R=1, F<=2");
        DESCRIPTIONS.put("spenders", "top 20% of buyers by ORDER_SUMMARY");
        DESCRIPTIONS.put("frequent-buyers", "at least 3 orders in 365 days");
    }

    private static final String BUYER_SQL = "c.order_number > 0 AND EXISTS (SELECT 1 FROM contact_activity a "
            + "WHERE a.contact_id = c.id AND a.activity = 'purchase' AND a.ref = '')";
    private static final String LAST_ORDER = "(SELECT a.last_at FROM contact_activity a WHERE a.contact_id = c.id "
            + "AND a.activity = 'purchase' AND a.ref = '')";

    private Predefined() {
    }

    static boolean exists(String name) {
        return DESCRIPTIONS.containsKey(name);
    }

    /** The condition of a predefined segment now, in JSON. */
    static String json(String name, int engagementDays, SegmentStore store, Instant now) {
        switch (name) {
            case "engaged":
                return "{\"engaged\":{\"withinDays\":" + engagementDays + "}}";
            case "unengaged":
                return "{\"not\":{\"engaged\":{\"withinDays\":" + engagementDays + "}}}";
            case "never-opened":
                return "{\"not\":{\"event\":\"opened\"}}";
            case "new-30-days":
                return "{\"created\":{\"withinLastDays\":30}}";
            case "frequent-buyers":
                return "{\"event\":\"purchase\",\"min\":3,\"withinDays\":365}";
            case "spenders": {
                List<Object> m = store.cutPoints(new SegmentSql(BUYER_SQL, List.of()), "c.order_summary", 5);
                return m.isEmpty() ? "{\"or\":[]}" : "{\"and\":[{\"orders\":{\"gte\":1}},{\"spent\":{\"gte\":"
                        + ((BigDecimal) m.get(3)).stripTrailingZeros().toPlainString() + "}}]}";
            }
            default:
                return rfm(name, store, now);
        }
    }

    private static String rfm(String name, SegmentStore store, Instant now) {
        SegmentSql buyers = new SegmentSql(BUYER_SQL, List.of());
        List<Object> r = store.cutPoints(buyers, LAST_ORDER, 5);
        List<Object> f = store.cutPoints(buyers, "c.order_number", 5);
        List<Object> m = store.cutPoints(buyers, "c.order_summary", 5);
        if (r.isEmpty()) {
            return "{\"or\":[]}";
        }
        Scores s = new Scores(r, f, m, now);
        List<String> parts = new ArrayList<>();
        parts.add("{\"orders\":{\"gte\":1}}");
        switch (name) {
            case "rfm-champions" -> parts.addAll(List.of(s.rAtLeast(4), s.fAtLeast(4)));
            case "rfm-cant-lose" -> parts.addAll(List.of(s.rAtMost(2), s.fAtLeast(4), s.mAtLeast(4)));
            case "rfm-at-risk" -> parts.addAll(List.of(s.rAtMost(2), s.fAtLeast(3),
                    "{\"not\":{\"and\":[" + s.fAtLeast(4) + "," + s.mAtLeast(4) + "]}}"));
            case "rfm-loyal" -> parts.addAll(List.of(s.rAtLeast(3), s.rAtMost(3), s.fAtLeast(4)));
            case "rfm-new" -> parts.addAll(List.of(s.rAtLeast(5), s.fAtMost(1)));
            case "rfm-potential" -> parts.addAll(List.of(s.rAtLeast(3), s.fAtMost(3),
                    "{\"not\":{\"and\":[" + s.rAtLeast(5) + "," + s.fAtMost(1) + "]}}"));
            case "rfm-hibernating" -> parts.addAll(List.of(s.rAtLeast(2), s.rAtMost(2), s.fAtMost(2)));
            case "rfm-lost" -> parts.addAll(List.of(s.rAtMost(1), s.fAtMost(2)));
            default -> throw new IllegalArgumentException(name);
        }
        return "{\"and\":[" + String.join(",", parts) + "]}";
    }

    /** Score thresholds as conditions; a score of at least 1 or at most 5 is always true. */
    private record Scores(List<Object> r, List<Object> f, List<Object> m, Instant now) {
        private static final String TRUE = "{\"and\":[]}";

        /** R >= s: the last order after cut point s-1, as "purchased in N days". */
        String rAtLeast(int s) {
            return s <= 1 ? TRUE : "{\"event\":\"purchase\",\"withinDays\":" + days((Instant) r.get(s - 2)) + "}";
        }

        String rAtMost(int s) {
            return s >= 5 ? TRUE : "{\"not\":" + rAtLeast(s + 1) + "}";
        }

        private long days(Instant cut) {
            return Math.max(0, Duration.between(cut, now).toDays());
        }

        String fAtLeast(int s) {
            return s <= 1 ? TRUE : "{\"orders\":{\"gt\":" + f.get(s - 2) + "}}";
        }

        String fAtMost(int s) {
            return s >= 5 ? TRUE : "{\"orders\":{\"lte\":" + f.get(s - 1) + "}}";
        }

        String mAtLeast(int s) {
            return s <= 1 ? TRUE : "{\"spent\":{\"gt\":" + ((BigDecimal) m.get(s - 2)).toPlainString() + "}}";
        }
    }

    /** The activity row name used for engagement, for the documentation of this class. */
    static final String INTERACTION = ActivityListener.INTERACTION;
}
