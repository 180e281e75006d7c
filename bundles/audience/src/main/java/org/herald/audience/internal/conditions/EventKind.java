package org.herald.audience.internal.conditions;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.herald.events.EventTypes;
import org.herald.segments.spi.ConditionKind;
import org.herald.segments.spi.ConditionTerm;
import org.herald.segments.spi.SqlWriter;
import org.herald.segments.spi.TextReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Behaviour from the event log: did the contact receive, open, click (any message, one campaign,
 * one link), purchase, visit, or do a custom event; at least N times; within the last N days;
 * for a total value of at least X. Answered from the per-contact activity summaries
 * ({@code contact_activity}), except "at least N times (or value X) within N days", which counts
 * the events themselves over the (event_type, occurred_at) index.
 */
public final class EventKind implements ConditionKind {

    /** JSON and text names of Herald's message types and the known external types; other names are event types. */
    static final Map<String, String> TYPES = Map.ofEntries(Map.entry("opened", EventTypes.MESSAGE_OPENED),
            Map.entry("clicked", EventTypes.MESSAGE_CLICKED), Map.entry("received", EventTypes.MESSAGE_SENT),
            Map.entry("sent", EventTypes.MESSAGE_SENT), Map.entry("bounced", EventTypes.MESSAGE_BOUNCED),
            Map.entry("purchase", EventTypes.PURCHASE), Map.entry("purchased", EventTypes.PURCHASE),
            Map.entry("visit", EventTypes.PAGE_VISIT), Map.entry("visited", EventTypes.PAGE_VISIT),
            Map.entry("cart", EventTypes.CART), Map.entry("abandoned", EventTypes.CART_ABANDONED),
            Map.entry("form", EventTypes.FORM_FILLED));
    private static final Map<String, String> JSON_NAMES = Map.of(EventTypes.MESSAGE_OPENED, "opened",
            EventTypes.MESSAGE_CLICKED, "clicked", EventTypes.MESSAGE_SENT, "received", EventTypes.MESSAGE_BOUNCED,
            "bounced", EventTypes.PURCHASE, "purchase", EventTypes.PAGE_VISIT, "visit");
    /** The words that start the textual form: {@code opened campaign x in 30 days}. */
    public static final Map<String, String> TEXT_WORDS = Map.of("opened", EventTypes.MESSAGE_OPENED, "clicked",
            EventTypes.MESSAGE_CLICKED, "received", EventTypes.MESSAGE_SENT, "purchased", EventTypes.PURCHASE,
            "visited", EventTypes.PAGE_VISIT);
    private static final Map<String, String> TEXT_NAMES = Map.of(EventTypes.MESSAGE_OPENED, "opened",
            EventTypes.MESSAGE_CLICKED, "clicked", EventTypes.MESSAGE_SENT, "received", EventTypes.PURCHASE, "purchased",
            EventTypes.PAGE_VISIT, "visited");
    private static final Set<String> MEMBERS = Set.of("event", "campaign", "link", "min", "withinDays", "minValue");

    @Override
    public String key() {
        return "event";
    }

    static String type(String name, String path) {
        String type = TYPES.getOrDefault(name, name);
        if (!EventTypes.NAME.matcher(type).matches()) {
            throw Problems.at(path, "'" + name + "' is not an event type");
        }
        return type;
    }

    @Override
    public ConditionTerm fromJson(JsonNode node, String path) {
        for (var it = node.fieldNames(); it.hasNext();) {
            String m = it.next();
            if (!MEMBERS.contains(m)) {
                throw Problems.at(Problems.child(path, m), "unknown member; an event condition has " + MEMBERS);
            }
        }
        JsonNode e = node.get("event");
        if (!e.isTextual()) {
            throw Problems.at(Problems.child(path, "event"), "must be an event name (opened, clicked, received, purchase, visit or a type)");
        }
        String type = type(e.asText(), Problems.child(path, "event"));
        String campaign = string(node, "campaign", path);
        String link = string(node, "link", path);
        Long min = count(node, "min", path, 1);
        Long within = count(node, "withinDays", path, 0);
        BigDecimal minValue = null;
        if (node.has("minValue")) {
            if (!node.get("minValue").isNumber()) {
                throw Problems.at(Problems.child(path, "minValue"), "must be a number");
            }
            minValue = node.get("minValue").decimalValue();
        }
        return term(type, campaign, link, min, within, minValue, path);
    }

    private static String string(JsonNode node, String member, String path) {
        JsonNode v = node.get(member);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw Problems.at(Problems.child(path, member), "must be a non-empty string");
        }
        return v.asText();
    }

    private static Long count(JsonNode node, String member, String path, int least) {
        JsonNode v = node.get(member);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || v.asLong() < least) {
            throw Problems.at(Problems.child(path, member), "must be a whole number of at least " + least);
        }
        return v.asLong();
    }

    @Override
    public ConditionTerm fromText(TextReader reader, String path) {
        Tokens in = (Tokens) reader;
        return fromText(type(in.word("an event type"), path), in, path);
    }

    /** The options after the event word: campaign, link, at least N times, in N days, value >= X. */
    ConditionTerm fromText(String type, Tokens in, String path) {
        String campaign = null;
        String link = null;
        Long min = null;
        Long within = null;
        BigDecimal minValue = null;
        while (true) {
            if (in.accept("campaign")) {
                campaign = in.next("a campaign");
            } else if (in.accept("link")) {
                link = in.next("a link");
            } else if (in.accept("at")) {
                in.expect("least");
                min = in.number("a number of times");
                if (!in.accept("times")) {
                    in.accept("time");
                }
            } else if (in.isNext("in") || in.isNext("within")) {
                in.next("in");
                in.accept("last");
                within = in.number("a number of days");
                if (!in.accept("days")) {
                    in.accept("day");
                }
            } else if (in.accept("value")) {
                if (!in.accept(">=")) {
                    throw in.error("expected '>=' after 'value'");
                }
                String v = in.next("an amount");
                try {
                    minValue = new BigDecimal(v);
                } catch (NumberFormatException e) {
                    throw in.error("'" + v + "' is not an amount");
                }
            } else {
                return term(type, campaign, link, min, within, minValue, path);
            }
        }
    }

    private static ConditionTerm term(String type, String campaign, String link, Long min, Long within,
            BigDecimal minValue, String path) {
        if (link != null && !type.equals(EventTypes.MESSAGE_CLICKED)) {
            throw Problems.at(Problems.child(path, "link"), "only a click has a link");
        }
        if (campaign != null && link != null) {
            throw Problems.at(Problems.child(path, "link"), "name a campaign or a link, not both");
        }
        String ref = campaign != null ? "campaign:" + campaign : link != null ? "link:" + link : "";
        return new Term(type, campaign, link, min, within, minValue, ref);
    }

    /**
     * An event type as SQL text: a name validated as {@code [a-z][a-z0-9_]*} is an identifier like a
     * column name, and Derby plans the activity index well only when the leading index column is
     * compared with a constant (measured: 56 ms with the type written, about 1 s with it bound, on the
     * same data). Every value a user gives (campaign, link, counts, times, amounts) stays bound.
     */
    static String name(String type) {
        if (!EventTypes.NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("not an event type: " + type);
        }
        return "'" + type + "'";
    }

    private record Term(String type, String campaign, String link, Long min, Long within, BigDecimal minValue,
            String ref) implements ConditionTerm {

        @Override
        public JsonNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("event", JSON_NAMES.getOrDefault(type, type));
            if (campaign != null) {
                n.put("campaign", campaign);
            }
            if (link != null) {
                n.put("link", link);
            }
            if (min != null) {
                n.put("min", min);
            }
            if (withinDays() != null) {
                n.put("withinDays", within);
            }
            if (minValue != null) {
                n.put("minValue", minValue);
            }
            return n;
        }

        private Long withinDays() {
            return within;
        }

        @Override
        public String toText() {
            StringBuilder b = new StringBuilder(TEXT_NAMES.containsKey(type) ? TEXT_NAMES.get(type) : "event " + type);
            if (campaign != null) {
                b.append(" campaign ").append(Texts.quote(campaign));
            }
            if (link != null) {
                b.append(" link ").append(Texts.quote(link));
            }
            if (min != null) {
                b.append(" at least ").append(min).append(" times");
            }
            if (within != null) {
                b.append(" in ").append(within).append(" days");
            }
            if (minValue != null) {
                b.append(" value >= ").append(minValue.toPlainString());
            }
            return b.toString();
        }

        @Override
        public void toSql(SqlWriter out) {
            boolean counted = (min != null && min > 1) || minValue != null;
            if (counted && within != null && !ref.isEmpty()) {
                // a campaign's or link's events in the window: one row each in contact_ref_activity
                out.sql("c.id IN (SELECT r.contact_id FROM contact_ref_activity r WHERE r.activity = " + name(type))
                        .sql(" AND r.ref = ").bind(ref)
                        .sql(" AND r.occurred_at >= ").bind(out.now().minus(Duration.ofDays(within)))
                        .sql(" GROUP BY r.contact_id HAVING COUNT(*) >= ").bind(min == null ? 1L : min);
                if (minValue != null) {
                    out.sql(" AND SUM(r.amount) >= ").bind(minValue);
                }
                out.sql(")");
                return;
            }
            if (counted && within != null) {
                out.sql("c.id IN (SELECT e.contact_id FROM contact_event e WHERE e.event_type = " + name(type))
                        .sql(" AND e.contact_id IS NOT NULL AND e.occurred_at >= ").bind(out.now().minus(Duration.ofDays(within)))
                        .sql(" GROUP BY e.contact_id HAVING COUNT(*) >= ").bind(min == null ? 1L : min);
                if (minValue != null) {
                    out.sql(" AND SUM(e.amount) >= ").bind(minValue);
                }
                out.sql(")");
                return;
            }
            out.sql("c.id IN (SELECT a.contact_id FROM contact_activity a WHERE a.activity = " + name(type));
            if (ref.isEmpty()) {
                out.sql(" AND a.ref = ''");
            } else {
                out.sql(" AND a.ref = ").bind(ref);
            }
            if (within != null) {
                out.sql(" AND a.last_at >= ").bind(out.now().minus(Duration.ofDays(within)));
            }
            if (min != null && min > 1) {
                out.sql(" AND a.total >= ").bind(min);
            }
            if (minValue != null) {
                out.sql(" AND a.amount >= ").bind(minValue);
            }
            out.sql(")");
        }
    }
}
