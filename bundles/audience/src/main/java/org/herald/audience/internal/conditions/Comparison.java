package org.herald.audience.internal.conditions;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.herald.segments.spi.SqlWriter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A comparison of a number with one or two values: {@code {"gte":10}}, {@code {"between":[1,5]}}. */
record Comparison(String op, List<BigDecimal> values) {

    static final Map<String, String> SYMBOLS = Map.of("eq", "=", "ne", "!=", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=");

    static Comparison fromJson(JsonNode node, String path) {
        if (node == null || !node.isObject() || node.size() != 1) {
            throw Problems.at(path, "must be an object with one comparison, e.g. {\"gte\":10}");
        }
        String op = node.fieldNames().next();
        JsonNode v = node.get(op);
        String p = Problems.child(path, op);
        if (op.equals("between")) {
            if (!v.isArray() || v.size() != 2 || !v.get(0).isNumber() || !v.get(1).isNumber()) {
                throw Problems.at(p, "must be two numbers, e.g. [1,5]");
            }
            return new Comparison(op, List.of(v.get(0).decimalValue(), v.get(1).decimalValue()));
        }
        if (!SYMBOLS.containsKey(op)) {
            throw Problems.at(p, "unknown comparison; use eq, ne, gt, gte, lt, lte or between");
        }
        if (!v.isNumber()) {
            throw Problems.at(p, "must be a number");
        }
        return new Comparison(op, List.of(v.decimalValue()));
    }

    static Comparison fromText(Tokens in, String what) {
        if (in.accept("between")) {
            BigDecimal a = number(in, what);
            in.expect("and");
            return new Comparison("between", List.of(a, number(in, what)));
        }
        String symbol = in.next("a comparison (>=, >, <, <=, =, != or between)");
        for (Map.Entry<String, String> e : SYMBOLS.entrySet()) {
            if (e.getValue().equals(symbol) || (symbol.equals("==") && e.getKey().equals("eq"))) {
                return new Comparison(e.getKey(), List.of(number(in, what)));
            }
        }
        throw in.error("expected a comparison (>=, >, <, <=, =, != or between), found '" + symbol + "'");
    }

    private static BigDecimal number(Tokens in, String what) {
        String s = in.next(what);
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw in.error("expected a number for " + what + ", found '" + s + "'");
        }
    }

    ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (op.equals("between")) {
            n.putArray(op).add(values.get(0)).add(values.get(1));
        } else {
            n.put(op, values.get(0));
        }
        return n;
    }

    String toText() {
        return op.equals("between") ? "between " + plain(values.get(0)) + " and " + plain(values.get(1))
                : SYMBOLS.get(op) + " " + plain(values.get(0));
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    /** Writes {@code expression <op> ?}, binding the values. */
    void toSql(String expression, SqlWriter sql) {
        sql.sql(expression);
        if (op.equals("between")) {
            sql.sql(" BETWEEN ").bind(values.get(0)).sql(" AND ").bind(values.get(1));
        } else {
            sql.sql(" " + (op.equals("ne") ? "<>" : SYMBOLS.get(op)) + " ").bind(values.get(0));
        }
    }
}
