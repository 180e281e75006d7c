package org.herald.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.herald.store.SqlDialect;
import org.herald.store.StoreException;

/** The {@link SqlDialect} of each supported database, chosen from the DataSource's metadata. */
final class Dialects {

    /** Derby: MONTH() and DAY() (no EXTRACT). */
    static final SqlDialect DERBY = date -> "(MONTH(" + date + ") * 100 + DAY(" + date + "))";

    /** PostgreSQL and other standard databases: EXTRACT. */
    static final SqlDialect STANDARD =
            date -> "(CAST(EXTRACT(MONTH FROM " + date + ") AS INTEGER) * 100 + CAST(EXTRACT(DAY FROM " + date + ") AS INTEGER))";

    private Dialects() {
    }

    static SqlDialect of(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return product.contains("derby") ? DERBY : STANDARD;
        } catch (SQLException e) {
            throw new StoreException("cannot connect to the database: " + e.getMessage(), e);
        }
    }
}
