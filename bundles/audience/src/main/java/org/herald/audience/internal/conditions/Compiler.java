package org.herald.audience.internal.conditions;

import java.time.Instant;
import java.util.List;

import org.herald.store.SegmentSql;

/**
 * Compiles a condition tree to one SQL boolean expression over the contact row {@code c}. Every
 * leaf writes an expression that is never UNKNOWN (a missing value is false, not NULL), so NOT
 * is plain negation and matches what an admin expects ("not tag vip" includes contacts without
 * tags; "city != Tartu" includes contacts without a city).
 */
public final class Compiler {

    private Compiler() {
    }

    /** The condition, and membership of {@code parentList} when not null. */
    public static SegmentSql compile(String parentList, Node root, Instant now) {
        SqlBuffer out = new SqlBuffer(now);
        if (parentList != null) {
            out.sql("EXISTS (SELECT 1 FROM list_member pm JOIN mailing_list pl ON pl.id = pm.list_id "
                    + "WHERE pm.contact_id = c.id AND pl.name = ").bind(parentList).sql(") AND ");
        }
        write(root, out);
        return out.build();
    }

    private static void write(Node node, SqlBuffer out) {
        if (node instanceof Node.And a) {
            join(a.children(), " AND ", "1 = 1", out);
        } else if (node instanceof Node.Or o) {
            join(o.children(), " OR ", "1 = 0", out);
        } else if (node instanceof Node.Not n) {
            out.sql("NOT (");
            write(n.child(), out);
            out.sql(")");
        } else {
            out.sql("(");
            ((Node.Leaf) node).term().toSql(out);
            out.sql(")");
        }
    }

    private static void join(List<Node> children, String op, String empty, SqlBuffer out) {
        if (children.isEmpty()) {
            out.sql(empty);
            return;
        }
        out.sql("(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                out.sql(op);
            }
            write(children.get(i), out);
        }
        out.sql(")");
    }
}
