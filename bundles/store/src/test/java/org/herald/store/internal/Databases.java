package org.herald.store.internal;

import javax.sql.DataSource;

/** Fresh databases for the store's own tests, of the kind the run chose ({@link TestDatabases}). */
final class Databases {

    private Databases() {
    }

    static DataSource fresh() {
        return TestDatabases.fresh();
    }
}
