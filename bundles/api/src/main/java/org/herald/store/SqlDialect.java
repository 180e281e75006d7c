package org.herald.store;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The SQL that differs between the supported databases, for code that writes segment SQL. Every
 * other part of segment SQL is standard and runs unchanged on Derby and PostgreSQL.
 */
@ProviderType
public interface SqlDialect {

    /** An integer expression month * 100 + day of a DATE expression (anniversaries), e.g. 1231. */
    String monthDay(String dateExpression);
}
