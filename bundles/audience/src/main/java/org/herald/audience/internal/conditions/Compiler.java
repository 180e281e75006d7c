package org.herald.audience.internal.conditions;

import java.time.Instant;
import java.util.List;

import org.herald.segments.spi.ConditionTerm;
import org.herald.segments.spi.SqlWriter;
import org.herald.store.SegmentSql;

/**
 * Compiles a condition tree to one SQL boolean expression over the contact row {@code c}. NOT
 * means what an admin expects: "not tag vip" includes contacts without tags, "not age >= 30" and
 * "city != Tartu" include contacts with no value.
 */
public final class Compiler {

    private Compiler() {
    }

    /** The condition, and membership of {@code parentList} when not null. */
    public static SegmentSql compile(String parentList, Node root, Instant now) {
        SqlBuffer out = new SqlBuffer(now);
        if (parentList != null) {
            out.sql("c.id IN (SELECT pm.contact_id FROM list_member pm JOIN mailing_list pl ON pl.id = pm.list_id "
                    + "WHERE pl.name = ").bind(parentList).sql(") AND ");
        }
        write(root, false, out);
        return out.build();
    }

    /**
     * Writes the node, negated when {@code negated}: NOT is pushed down to the leaves (De Morgan),
     * so that no NOT stands above a leaf that can be UNKNOWN. A positive field comparison is then
     * plain ({@code c.cf_age >= ?}, which an index or a scan evaluates at full speed; UNKNOWN for an
     * empty value counts as false under AND and OR), and a negated one says what it means
     * ({@code c.cf_age IS NULL OR NOT (c.cf_age >= ?)}).
     */
    private static void write(Node node, boolean negated, SqlBuffer out) {
        if (node instanceof Node.And a) {
            join(a.children(), negated ? " OR " : " AND ", negated ? "1 = 0" : "1 = 1", negated, out);
        } else if (node instanceof Node.Or o) {
            join(o.children(), negated ? " AND " : " OR ", negated ? "1 = 1" : "1 = 0", negated, out);
        } else if (node instanceof Node.Not n) {
            write(n.child(), !negated, out);
        } else {
            ConditionTerm term = ((Node.Leaf) node).term();
            out.sql("(");
            if (!negated) {
                term.toSql(out);
            } else if (term instanceof Negatable n) {
                n.toSqlNegated(out);
            } else {
                // extension kinds must never be UNKNOWN (docs/segments.md), so plain NOT is exact
                out.sql("NOT (");
                term.toSql(out);
                out.sql(")");
            }
            out.sql(")");
        }
    }

    private static void join(List<Node> children, String op, String empty, boolean negated, SqlBuffer out) {
        if (children.isEmpty()) {
            out.sql(empty);
            return;
        }
        out.sql("(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                out.sql(op);
            }
            write(children.get(i), negated, out);
        }
        out.sql(")");
    }

    /** A built-in term that may be UNKNOWN (a comparison of an empty value) and so writes its own negation. */
    interface Negatable {
        void toSqlNegated(SqlWriter out);
    }
}
