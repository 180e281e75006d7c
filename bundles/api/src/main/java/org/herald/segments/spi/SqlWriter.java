package org.herald.segments.spi;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a {@link ConditionTerm} writes its SQL: standard SQL that runs on every supported database
 * (Derby, PostgreSQL), over the tables named in docs/segments.md ({@code contact} as
 * {@link #contact()}, {@code contact_tag}, {@code list_member}, {@code mailing_list},
 * {@code contact_activity}, {@code contact_event}). Values are never written into the text.
 */
@ProviderType
public interface SqlWriter {

    /** The alias of the contact row, e.g. {@code c}; its key is {@code c.id}. */
    String contact();

    /** Appends SQL text (identifiers and keywords only). */
    SqlWriter sql(String text);

    /**
     * Appends a parameter marker and binds the value: String, Long, Integer, BigDecimal, Boolean,
     * Instant (as TIMESTAMP) or LocalDate (as DATE).
     */
    SqlWriter bind(Object value);

    /** The instant the condition is evaluated at (cut-offs are computed from it, in Java). */
    Instant now();
}
