package org.herald.audience.internal.conditions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.herald.segments.spi.SqlWriter;
import org.herald.store.SegmentSql;

/** The {@link SqlWriter} the compiler hands to each term. */
final class SqlBuffer implements SqlWriter {

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();
    private final Instant now;

    SqlBuffer(Instant now) {
        this.now = now;
    }

    @Override
    public String contact() {
        return "c";
    }

    @Override
    public SqlWriter sql(String text) {
        sql.append(text);
        return this;
    }

    @Override
    public SqlWriter bind(Object value) {
        if (!(value instanceof String || value instanceof Long || value instanceof Integer || value instanceof BigDecimal
                || value instanceof Boolean || value instanceof Instant || value instanceof LocalDate)) {
            throw new IllegalArgumentException("cannot bind a " + (value == null ? "null" : value.getClass().getName()));
        }
        sql.append('?');
        params.add(value);
        return this;
    }

    @Override
    public Instant now() {
        return now;
    }

    SegmentSql build() {
        return new SegmentSql(sql.toString(), params);
    }
}
