package org.herald.store;

import java.util.List;

/**
 * A compiled segment condition: a boolean SQL expression over the contact row aliased {@code c}
 * and the values bound to its parameters, in order. Written by the segment compiler in standard
 * SQL (see {@link SqlDialect} for the one place where databases differ).
 */
public record SegmentSql(String where, List<Object> params) {
    public SegmentSql {
        params = List.copyOf(params);
    }
}
