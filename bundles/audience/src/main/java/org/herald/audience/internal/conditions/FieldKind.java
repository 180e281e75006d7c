package org.herald.audience.internal.conditions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.herald.contacts.FieldDefinition;
import org.herald.contacts.FieldType;
import org.herald.segments.spi.ConditionKind;
import org.herald.segments.spi.ConditionTerm;
import org.herald.segments.spi.SqlWriter;
import org.herald.segments.spi.TextReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A custom field value: {@code {"field":"age","op":"gte","value":30}}, text {@code age >= 30}. The
 * operators that apply depend on the field's type; each compiles to a comparison of its typed
 * column {@code c.cf_<name>}; an empty value never matches, except for {@code ne} and {@code empty}.
 */
final class FieldKind implements ConditionKind {

    private static final Set<String> TEXTUAL = Set.of("eq", "ne", "in", "contains", "startsWith", "empty");
    private static final Set<String> NUMERIC = Set.of("eq", "ne", "in", "gt", "gte", "lt", "lte", "between", "empty");
    private static final Set<String> DATES = Set.of("eq", "ne", "gt", "gte", "lt", "lte", "before", "after", "between",
            "empty", "withinLastDays", "anniversaryWithinDays");
    private static final Map<FieldType, Set<String>> OPS = Map.of(FieldType.TEXT, TEXTUAL, FieldType.PHONE, TEXTUAL,
            FieldType.CHOICE, TEXTUAL, FieldType.MULTICHOICE, Set.of("contains", "in", "empty"), FieldType.NUMBER, NUMERIC,
            FieldType.DECIMAL, NUMERIC, FieldType.DATE, DATES, FieldType.BOOLEAN, Set.of("eq", "ne", "empty"));
    private static final Map<String, String> SYMBOLS = Map.of("eq", "=", "ne", "!=", "gt", ">", "gte", ">=", "lt", "<",
            "lte", "<=");

    private final Catalog catalog;

    FieldKind(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String key() {
        return "field";
    }

    @Override
    public ConditionTerm fromJson(JsonNode node, String path) {
        JsonNode name = node.get("field");
        if (name == null || !name.isTextual()) {
            throw Problems.at(Problems.child(path, "field"), "must be the name of a field");
        }
        FieldDefinition f = definition(name.asText(), Problems.child(path, "field"));
        for (var it = node.fieldNames(); it.hasNext();) {
            String m = it.next();
            if (!Set.of("field", "op", "value").contains(m)) {
                throw Problems.at(Problems.child(path, m), "unknown member; a field condition has field, op and value");
            }
        }
        JsonNode opNode = node.get("op");
        if (opNode == null || !opNode.isTextual()) {
            throw Problems.at(Problems.child(path, "op"), "is required");
        }
        String op = opNode.asText();
        String opPath = Problems.child(path, "op");
        checkOp(f, op, opPath);
        JsonNode v = node.get("value");
        String vPath = Problems.child(path, "value");
        List<Object> values = new ArrayList<>();
        switch (op) {
            case "in":
                if (v == null || !v.isArray() || v.isEmpty()) {
                    throw Problems.at(vPath, "must be a non-empty array");
                }
                for (int i = 0; i < v.size(); i++) {
                    values.add(value(f, v.get(i), vPath + "[" + i + "]"));
                }
                break;
            case "between":
                if (v == null || !v.isArray() || v.size() != 2) {
                    throw Problems.at(vPath, "must be two values, e.g. [1,5]");
                }
                values.add(value(f, v.get(0), vPath + "[0]"));
                values.add(value(f, v.get(1), vPath + "[1]"));
                break;
            case "empty":
                if (v != null && !v.isBoolean()) {
                    throw Problems.at(vPath, "must be true (is empty) or false (is not empty)");
                }
                values.add(v == null || v.asBoolean());
                break;
            case "withinLastDays":
            case "anniversaryWithinDays":
                if (v == null || !v.canConvertToInt() || v.asInt() < 0 || v.asInt() > 36500) {
                    throw Problems.at(vPath, "must be a number of days");
                }
                values.add((long) v.asInt());
                break;
            default:
                if (v == null || v.isNull()) {
                    throw Problems.at(vPath, "is required");
                }
                values.add(value(f, v, vPath));
        }
        return new Term(f, op, values);
    }

    @Override
    public ConditionTerm fromText(TextReader reader, String path) {
        Tokens in = (Tokens) reader;
        FieldDefinition f = definition(in.word("a field name"), path);
        return fromText(f, in, path);
    }

    /** The rest of a field condition, after its name. */
    ConditionTerm fromText(FieldDefinition f, Tokens in, String path) {
        String op;
        List<Object> values = new ArrayList<>();
        if (in.accept("in")) {
            op = "in";
            in.expect("(");
            do {
                values.add(value(f, in.next("a value"), path));
            } while (in.accept(","));
            in.expect(")");
        } else if (in.accept("contains")) {
            op = "contains";
            values.add(value(f, in.next("a value"), path));
        } else if (in.accept("starts")) {
            in.expect("with");
            op = "startsWith";
            values.add(value(f, in.next("a value"), path));
        } else if (in.accept("between")) {
            op = "between";
            values.add(value(f, in.next("a value"), path));
            in.expect("and");
            values.add(value(f, in.next("a value"), path));
        } else if (in.accept("is")) {
            op = "empty";
            values.add(!in.accept("not"));
            in.expect("empty");
        } else if (in.isNext("before") || in.isNext("after")) {
            op = in.word("before or after");
            values.add(value(f, in.next("a date"), path));
        } else if (in.accept("within")) {
            in.accept("last");
            op = "withinLastDays";
            values.add(in.number("a number of days"));
            in.accept("days");
        } else if (in.accept("anniversary")) {
            in.expect("within");
            op = "anniversaryWithinDays";
            values.add(in.number("a number of days"));
            in.accept("days");
        } else {
            String symbol = in.next("an operator");
            op = SYMBOLS.entrySet().stream().filter(e -> e.getValue().equals(symbol)).map(Map.Entry::getKey)
                    .findFirst().orElseThrow(() -> in.error("unknown operator '" + symbol + "'"));
            values.add(value(f, in.next("a value"), path));
        }
        checkOp(f, op, path);
        return new Term(f, op, values);
    }

    private FieldDefinition definition(String name, String path) {
        return catalog.field(name).orElseThrow(() -> Problems.at(path, "field '" + name + "' does not exist"));
    }

    private static void checkOp(FieldDefinition f, String op, String path) {
        if (!OPS.get(f.type()).contains(op)) {
            throw Problems.at(path, "'" + op + "' does not apply to a " + f.type().name().toLowerCase(Locale.ROOT)
                    + " field; use one of " + new TreeSet<>(OPS.get(f.type())));
        }
    }

    private static Object value(FieldDefinition f, JsonNode v, String path) {
        switch (f.type()) {
            case NUMBER:
                if (!v.canConvertToLong() || !v.isIntegralNumber()) {
                    throw Problems.at(path, "must be a whole number");
                }
                return v.asLong();
            case DECIMAL:
                if (!v.isNumber()) {
                    throw Problems.at(path, "must be a number");
                }
                return v.decimalValue();
            case BOOLEAN:
                if (!v.isBoolean()) {
                    throw Problems.at(path, "must be true or false");
                }
                return v.asBoolean();
            case DATE:
                return date(v.asText(), path);
            default:
                if (!v.isTextual()) {
                    throw Problems.at(path, "must be a string");
                }
                return v.asText();
        }
    }

    private static Object value(FieldDefinition f, String s, String path) {
        try {
            switch (f.type()) {
                case NUMBER:
                    return Long.parseLong(s);
                case DECIMAL:
                    return new BigDecimal(s);
                case BOOLEAN:
                    if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
                        throw Problems.at(path, "'" + s + "' is not true or false");
                    }
                    return Boolean.parseBoolean(s.toLowerCase(Locale.ROOT));
                case DATE:
                    return date(s, path);
                default:
                    return s;
            }
        } catch (NumberFormatException e) {
            throw Problems.at(path, "'" + s + "' is not a number (field '" + f.name() + "')");
        }
    }

    static LocalDate date(String s, String path) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw Problems.at(path, "'" + s + "' is not a date (YYYY-MM-DD)");
        }
    }

    private final class Term implements ConditionTerm, Compiler.Negatable {
        private final FieldDefinition field;
        private final String op;
        private final List<Object> values;

        Term(FieldDefinition field, String op, List<Object> values) {
            this.field = field;
            this.op = op;
            this.values = List.copyOf(values);
        }

        @Override
        public JsonNode toJson() {
            ObjectNode n = JsonNodeFactory.instance.objectNode();
            n.put("field", field.name());
            n.put("op", op);
            if (op.equals("in") || op.equals("between")) {
                ArrayNode a = n.putArray("value");
                values.forEach(v -> a.add(json(v)));
            } else {
                n.set("value", json(values.get(0)));
            }
            return n;
        }

        private JsonNode json(Object v) {
            JsonNodeFactory j = JsonNodeFactory.instance;
            if (v instanceof Long l) {
                return j.numberNode(l);
            } else if (v instanceof BigDecimal d) {
                return j.numberNode(d);
            } else if (v instanceof Boolean b) {
                return j.booleanNode(b);
            }
            return j.textNode(v.toString());
        }

        @Override
        public String toText() {
            String name = field.name();
            switch (op) {
                case "in":
                    return name + " in (" + String.join(", ", values.stream().map(this::text).toList()) + ")";
                case "contains":
                    return name + " contains " + text(values.get(0));
                case "startsWith":
                    return name + " starts with " + text(values.get(0));
                case "between":
                    return name + " between " + text(values.get(0)) + " and " + text(values.get(1));
                case "empty":
                    return name + ((Boolean) values.get(0) ? " is empty" : " is not empty");
                case "before":
                case "after":
                    return name + " " + op + " " + text(values.get(0));
                case "withinLastDays":
                    return name + " within last " + values.get(0) + " days";
                case "anniversaryWithinDays":
                    return name + " anniversary within " + values.get(0) + " days";
                default:
                    return name + " " + SYMBOLS.get(op) + " " + text(values.get(0));
            }
        }

        private String text(Object v) {
            if (v instanceof BigDecimal d) {
                return d.toPlainString();
            }
            return v instanceof String s ? Texts.quote(s) : v.toString();
        }

        @Override
        public void toSqlNegated(SqlWriter out) {
            String col = "c.cf_" + field.name();
            if (op.equals("ne") || op.equals("empty")) {
                out.sql("NOT (");  // never UNKNOWN
            } else {
                out.sql(col + " IS NULL OR NOT (");
            }
            toSql(out);
            out.sql(")");
        }

        /** Positive form: UNKNOWN for an empty value except where emptiness is the point (ne, empty). */
        @Override
        public void toSql(SqlWriter out) {
            String col = "c.cf_" + field.name();
            LocalDate today = LocalDate.ofInstant(out.now(), ZoneId.systemDefault());
            switch (op) {
                case "eq" -> out.sql(col + " = ").bind(values.get(0));
                case "ne" -> out.sql(col + " IS NULL OR " + col + " <> ").bind(values.get(0));
                case "gt", "after" -> out.sql(col + " > ").bind(values.get(0));
                case "gte" -> out.sql(col + " >= ").bind(values.get(0));
                case "lt", "before" -> out.sql(col + " < ").bind(values.get(0));
                case "lte" -> out.sql(col + " <= ").bind(values.get(0));
                case "between" -> out.sql(col + " BETWEEN ").bind(values.get(0)).sql(" AND ").bind(values.get(1));
                case "in" -> {
                    if (field.type() == FieldType.MULTICHOICE) {
                        out.sql("1 = 0");
                        for (Object v : values) {
                            out.sql(" OR " + col + " LIKE ").bind(choicePattern((String) v)).sql(" ESCAPE '\\'");
                        }
                    } else {
                        out.sql(col + " IN (");
                        for (int i = 0; i < values.size(); i++) {
                            out.sql(i == 0 ? "" : ", ").bind(values.get(i));
                        }
                        out.sql(")");
                    }
                }
                case "contains" -> {
                    if (field.type() == FieldType.MULTICHOICE) {
                        out.sql(col + " LIKE ").bind(choicePattern((String) values.get(0)))
                                .sql(" ESCAPE '\\'");
                    } else {
                        out.sql("LOWER(" + col + ") LIKE ")
                                .bind("%" + like(((String) values.get(0)).toLowerCase(Locale.ROOT)) + "%").sql(" ESCAPE '\\'");
                    }
                }
                case "startsWith" -> out.sql("LOWER(" + col + ") LIKE ")
                        .bind(like(((String) values.get(0)).toLowerCase(Locale.ROOT)) + "%").sql(" ESCAPE '\\'");
                case "empty" -> {
                    boolean empty = (Boolean) values.get(0);
                    boolean textual = field.type() != FieldType.NUMBER && field.type() != FieldType.DECIMAL
                            && field.type() != FieldType.DATE && field.type() != FieldType.BOOLEAN;
                    String blank = field.type() == FieldType.MULTICHOICE ? "'[]'" : "''";
                    if (empty) {
                        out.sql(col + " IS NULL" + (textual ? " OR " + col + " = " + blank : ""));
                    } else {
                        out.sql(col + " IS NOT NULL" + (textual ? " AND " + col + " <> " + blank : ""));
                    }
                }
                case "withinLastDays" -> out.sql(col + " >= ")
                        .bind(today.minusDays((Long) values.get(0))).sql(" AND " + col + " <= ").bind(today);
                case "anniversaryWithinDays" -> anniversary(col, today, ((Long) values.get(0)).intValue(), out);
                default -> throw new IllegalStateException(op);
            }
        }

        private void anniversary(String col, LocalDate today, int days, SqlWriter out) {
            TreeSet<Integer> monthDays = new TreeSet<>();
            for (int i = 0; i <= Math.min(days, 366); i++) {
                LocalDate d = today.plusDays(i);
                monthDays.add(d.getMonthValue() * 100 + d.getDayOfMonth());
                if (!d.isLeapYear() && d.getMonthValue() == 2 && d.getDayOfMonth() == 28) {
                    monthDays.add(229); // a 29 February anniversary falls on the 28th in other years
                }
            }
            String md = catalog.dialect().monthDay(col);
            out.sql("1 = 0");
            // consecutive month-days as ranges: one or two per window, however long
            Integer start = null;
            Integer prev = null;
            for (int v : monthDays) {
                if (start == null) {
                    start = v;
                } else if (!next(prev, v)) {
                    out.sql(" OR " + md + " BETWEEN ").bind(start).sql(" AND ").bind(prev);
                    start = v;
                }
                prev = v;
            }
            if (start != null) {
                out.sql(" OR " + md + " BETWEEN ").bind(start).sql(" AND ").bind(prev);
            }
        }

        private boolean next(int a, int b) {
            LocalDate d = LocalDate.of(2024, a / 100, a % 100).plusDays(1); // a leap year: every month-day exists
            return d.getMonthValue() * 100 + d.getDayOfMonth() == b;
        }
    }

    static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** A multiple-choice value is stored as a JSON array of strings: match one element exactly. */
    static String choicePattern(String choice) {
        String json = JsonNodeFactory.instance.textNode(choice).toString();
        return "%" + like(json) + "%";
    }
}
