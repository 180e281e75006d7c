package org.herald.audience.internal.conditions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.herald.contacts.OptInStatus;
import org.herald.segments.spi.ConditionKind;
import org.herald.segments.spi.ConditionTerm;
import org.herald.segments.spi.SqlWriter;
import org.herald.segments.spi.TextReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The built-in kinds over one value of the contact: tag, list, status, score, orders, spent, average, created, stage. */
final class SimpleKinds {

    private SimpleKinds() {
    }

    static List<ConditionKind> all(Catalog catalog) {
        return List.of(new Tag(), new ListKind(catalog), new Status(), new Metric("score", "c.score"),
                new Metric("orders", "c.order_number"), new Metric("spent", "c.order_summary"), new Average(),
                new Created(), new Stage(catalog), new Engaged());
    }

    static String text(JsonNode node, String key, String path) {
        JsonNode v = node.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw Problems.at(Problems.child(path, key), "must be a non-empty string");
        }
        if (node.size() != 1) {
            throw Problems.at(path, "'" + key + "' takes no other members");
        }
        return v.asText();
    }

    static ObjectNode object(String key, String value) {
        return JsonNodeFactory.instance.objectNode().put(key, value);
    }

    /** A leaf with fixed forms. */
    record Term(ObjectNode json, String text, Sql sql) implements ConditionTerm {
        @Override
        public JsonNode toJson() {
            return json.deepCopy();
        }

        @Override
        public String toText() {
            return text;
        }

        @Override
        public void toSql(SqlWriter out) {
            sql.write(out);
        }
    }

    @FunctionalInterface
    interface Sql {
        void write(SqlWriter out);
    }

    static final class Tag implements ConditionKind {
        @Override
        public String key() {
            return "tag";
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            return term(text(node, "tag", path));
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            return term(in.next("a tag"));
        }

        private static ConditionTerm term(String tag) {
            return new Term(object("tag", tag), "tag " + Texts.quote(tag), out -> out
                    .sql("c.id IN (SELECT t.contact_id FROM contact_tag t WHERE t.tag = ").bind(tag).sql(")"));
        }
    }

    static final class ListKind implements ConditionKind {
        private final Catalog catalog;

        ListKind(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public String key() {
            return "list";
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            return term(text(node, "list", path), Problems.child(path, "list"));
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            return term(in.next("a list name"), path);
        }

        private ConditionTerm term(String list, String path) {
            if (!catalog.listExists(list)) {
                throw Problems.at(path, "list '" + list + "' does not exist");
            }
            return new Term(object("list", list), "list " + Texts.quote(list), out -> out
                    .sql("c.id IN (SELECT m.contact_id FROM list_member m JOIN mailing_list l ON l.id = m.list_id "
                            + "WHERE l.name = ").bind(list).sql(")"));
        }
    }

    static final class Status implements ConditionKind {
        @Override
        public String key() {
            return "status";
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            return term(text(node, "status", path), Problems.child(path, "status"));
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            return term(in.next("an opt-in status"), path);
        }

        private static ConditionTerm term(String value, String path) {
            OptInStatus status;
            try {
                status = OptInStatus.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Problems.at(path, "'" + value + "' is not an opt-in status; use one of "
                        + List.of(OptInStatus.values()).stream().map(Enum::name).collect(Collectors.joining(", ")));
            }
            return new Term(object("status", status.name()), "status " + status.name().toLowerCase(Locale.ROOT),
                    out -> out.sql("c.status = ").bind(status.name()));
        }
    }

    /** A number of the contact: score, ORDER_NUMBER (orders), ORDER_SUMMARY (spent). */
    static final class Metric implements ConditionKind {
        private final String key;
        private final String column;

        Metric(String key, String column) {
            this.key = key;
            this.column = column;
        }

        @Override
        public String key() {
            return key;
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            if (node.size() != 1) {
                throw Problems.at(path, "'" + key + "' takes no other members");
            }
            return term(Comparison.fromJson(node.get(key), Problems.child(path, key)));
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            return term(Comparison.fromText((Tokens) in, key));
        }

        private ConditionTerm term(Comparison cmp) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.set(key, cmp.toJson());
            return new Term(json, key + " " + cmp.toText(), out -> cmp.toSql(column, out));
        }
    }

    /** ORDER_AVG = ORDER_SUMMARY / ORDER_NUMBER, for buyers only (compared without dividing). */
    static final class Average implements ConditionKind {
        @Override
        public String key() {
            return "average";
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            return term(Comparison.fromJson(node.get("average"), Problems.child(path, "average")));
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            return term(Comparison.fromText((Tokens) in, "average"));
        }

        private static ConditionTerm term(Comparison cmp) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.set("average", cmp.toJson());
            return new Term(json, "average " + cmp.toText(), out -> {
                out.sql("c.order_number > 0 AND ");
                if (cmp.op().equals("between")) {
                    out.sql("c.order_summary >= c.order_number * ").bind(cmp.values().get(0))
                            .sql(" AND c.order_summary <= c.order_number * ").bind(cmp.values().get(1));
                } else {
                    String symbol = cmp.op().equals("ne") ? "<>" : Comparison.SYMBOLS.get(cmp.op());
                    out.sql("c.order_summary " + symbol + " c.order_number * ").bind(cmp.values().get(0));
                }
            });
        }
    }

    /** When the contact was created: within the last N days, before or after a date. */
    static final class Created implements ConditionKind {
        @Override
        public String key() {
            return "created";
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            JsonNode v = node.get("created");
            String p = Problems.child(path, "created");
            if (v == null || !v.isObject() || v.size() != 1) {
                throw Problems.at(p, "must be one of {\"withinLastDays\":N}, {\"before\":\"YYYY-MM-DD\"}, {\"after\":\"YYYY-MM-DD\"}");
            }
            String op = v.fieldNames().next();
            JsonNode value = v.get(op);
            switch (op) {
                case "withinLastDays":
                    if (!value.canConvertToInt() || value.asInt() < 0) {
                        throw Problems.at(Problems.child(p, op), "must be a number of days");
                    }
                    return within(value.asInt());
                case "before":
                case "after":
                    return date(op, FieldKind.date(value.asText(), Problems.child(p, op)));
                default:
                    throw Problems.at(Problems.child(p, op), "unknown; use withinLastDays, before or after");
            }
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            Tokens t = (Tokens) in;
            if (t.accept("within") || t.accept("in")) {
                t.accept("last");
                int days = (int) t.number("a number of days");
                t.accept("days");
                return within(days);
            }
            String op = t.word("'within last N days', 'before' or 'after'");
            if (!op.equals("before") && !op.equals("after")) {
                throw t.error("expected 'within last N days', 'before' or 'after'");
            }
            return date(op, FieldKind.date(t.next("a date"), path));
        }

        private static ConditionTerm within(int days) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.putObject("created").put("withinLastDays", days);
            return new Term(json, "created within last " + days + " days",
                    out -> out.sql("c.created_at >= ").bind(out.now().minus(Duration.ofDays(days))));
        }

        private static ConditionTerm date(String op, LocalDate day) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.putObject("created").put(op, day.toString());
            Instant start = day.atStartOfDay(ZoneId.systemDefault()).toInstant();
            Instant end = day.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant();
            return new Term(json, "created " + op + " " + day, out -> {
                if (op.equals("before")) {
                    out.sql("c.created_at < ").bind(start);
                } else {
                    out.sql("c.created_at >= ").bind(end);
                }
            });
        }
    }

    /** The score's stage, as the score range the configured thresholds give it. */
    static final class Stage implements ConditionKind {
        private final Catalog catalog;

        Stage(Catalog catalog) {
            this.catalog = catalog;
        }

        @Override
        public String key() {
            return "stage";
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            return term(text(node, "stage", path), Problems.child(path, "stage"));
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            return term(in.next("a stage"), path);
        }

        private ConditionTerm term(String label, String path) {
            List<Catalog.Stage> stages = catalog.stages();
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).label().equalsIgnoreCase(label)) {
                    Long from = i == 0 ? null : stages.get(i).from();
                    Long to = i + 1 < stages.size() ? stages.get(i + 1).from() : null;
                    String name = stages.get(i).label();
                    return new Term(object("stage", name), "stage " + Texts.quote(name), out -> {
                        out.sql("1 = 1");
                        if (from != null) {
                            out.sql(" AND c.score >= ").bind(from);
                        }
                        if (to != null) {
                            out.sql(" AND c.score < ").bind(to);
                        }
                    });
                }
            }
            throw Problems.at(path, "'" + label + "' is not a stage; the stages are "
                    + stages.stream().map(Catalog.Stage::label).collect(Collectors.joining(", ")));
        }
    }

    /** The activity summary row of every interaction that counts for engagement. */
    static final String INTERACTION = "@interaction";

    /**
     * Engagement (DESIGN.md "Precise rules"): an interaction in the last N days, or younger than N
     * days. {@code {"engaged":{"withinDays":90}}}, text {@code engaged in 90 days}.
     */
    static final class Engaged implements ConditionKind {
        @Override
        public String key() {
            return "engaged";
        }

        @Override
        public ConditionTerm fromJson(JsonNode node, String path) {
            JsonNode v = node.get("engaged");
            String p = Problems.child(path, "engaged");
            if (v == null || !v.isObject() || !v.has("withinDays") || !v.get("withinDays").canConvertToInt()
                    || v.get("withinDays").asInt() < 1 || v.size() != 1) {
                throw Problems.at(p, "must be {\"withinDays\":N} with N at least 1");
            }
            return term(v.get("withinDays").asInt());
        }

        @Override
        public ConditionTerm fromText(TextReader in, String path) {
            if (!in.accept("in")) {
                in.accept("within");
            }
            in.accept("last");
            int days = (int) in.number("a number of days");
            in.accept("days");
            return term(days);
        }

        static ConditionTerm term(int days) {
            ObjectNode json = JsonNodeFactory.instance.objectNode();
            json.putObject("engaged").put("withinDays", days);
            return new Term(json, "engaged in " + days + " days", out -> {
                Instant cutoff = out.now().minus(Duration.ofDays(days));
                out.sql("c.created_at >= ").bind(cutoff).sql(" OR c.id IN (SELECT a.contact_id FROM contact_activity a "
                        + "WHERE a.activity = '" + INTERACTION + "' AND a.ref = '' AND a.last_at >= ").bind(cutoff).sql(")");
            });
        }
    }
}
