package org.herald.store.internal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Rows into a PostgreSQL table through {@code COPY … FROM STDIN} (text format), the driver's
 * fastest way in: one round trip for a whole batch, no statement per row. Only this class touches
 * the driver's API, and only when the {@link Dialect} says so, so the store runs without the
 * PostgreSQL driver on Derby. Values are written as the driver would bind them: timestamps in the
 * JVM's time zone (as {@code setTimestamp} without a calendar), booleans as {@code t}/{@code f}.
 */
final class PostgresCopy {

    private final StringBuilder text = new StringBuilder(1 << 16);
    private final String sql;
    private int rows;
    private boolean firstInRow = true;

    /** A copy into {@code table} of {@code columns} (a comma-separated list). */
    PostgresCopy(String table, String columns) {
        this.sql = "COPY " + table + " (" + columns + ") FROM STDIN";
    }

    PostgresCopy value(Object v) {
        if (!firstInRow) {
            text.append('\t');
        }
        firstInRow = false;
        if (v == null) {
            text.append("\\N");
        } else if (v instanceof Boolean b) {
            text.append(b ? 't' : 'f');
        } else if (v instanceof Instant i) {
            text.append(Timestamp.from(i));
        } else if (v instanceof Timestamp t) {
            text.append(t);
        } else if (v instanceof LocalDate d) {
            text.append(d);
        } else if (v instanceof BigDecimal d) {
            text.append(d.toPlainString());
        } else if (v instanceof Number n) {
            text.append(n);
        } else {
            escape(v.toString());
        }
        return this;
    }

    PostgresCopy endRow() {
        text.append('\n');
        firstInRow = true;
        rows++;
        return this;
    }

    int rows() {
        return rows;
    }

    /** Sends the rows on {@code c} (the caller's transaction); returns how many were copied. */
    long copy(Connection c) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        try {
            return copy.copyIn(sql, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into the database failed: " + e.getMessage(), e);
        }
    }

    private void escape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(ch);
            }
        }
    }

    /** The values of one contact row in the order of the insert's columns. */
    static void contact(PostgresCopy copy, org.herald.store.ContactRecord r, List<org.herald.store.FieldRecord> fields) {
        copy.value(r.key()).value(r.id()).value(r.email()).value(r.emailKey()).value(r.status().name())
                .value(r.monitored()).value(r.created()).value(r.updated()).value(r.deletedAt()).value(r.version());
        for (org.herald.store.FieldRecord f : fields) {
            Object v = r.fields().get(f.name());
            copy.value(f.type() == org.herald.contacts.FieldType.MULTICHOICE && v != null ? Json.write(v) : v);
        }
        copy.endRow();
    }
}
