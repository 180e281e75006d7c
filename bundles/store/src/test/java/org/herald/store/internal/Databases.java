package org.herald.store.internal;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

/** Fresh in-memory Derby databases for tests. */
final class Databases {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private Databases() {
    }

    static DataSource fresh() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:store" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
        ds.setCreateDatabase("create");
        return ds;
    }
}
