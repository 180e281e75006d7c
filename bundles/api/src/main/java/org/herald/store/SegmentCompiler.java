package org.herald.store;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Named segments compiled for a query that the store runs itself (the recipients of a campaign,
 * {@link MessageStore#recipients}). Implemented by {@code bundles/audience}, which owns the condition
 * compiler: the one interface of this package implemented outside {@code bundles/store}. Callers pass
 * the result to the store as it is and never read its SQL.
 */
@ProviderType
public interface SegmentCompiler {

    /**
     * A segment as of one instant: its parent list (null when it has none) and its condition as SQL,
     * membership of the parent list included.
     */
    record CompiledSegment(String name, String parentList, SegmentSql sql) {
    }

    /**
     * The segment {@code name} (a predefined one too) compiled at {@code now}; a
     * {@link org.herald.common.NotFoundException} when there is none, a
     * {@link org.herald.common.ValidationException} when its condition no longer compiles (a field or
     * list it names is gone).
     */
    CompiledSegment compile(String name, Instant now);
}
