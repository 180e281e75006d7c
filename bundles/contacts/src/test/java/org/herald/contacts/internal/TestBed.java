package org.herald.contacts.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.herald.contacts.ChangeContext;
import org.herald.store.internal.JdbcContactStore;

/** The real services on the real store over a fresh in-memory Derby database. */
final class TestBed implements AutoCloseable {
    private static final AtomicInteger COUNTER = new AtomicInteger();

    static final ChangeContext ADMIN = ChangeContext.manage("admin");
    static final ChangeContext API = ChangeContext.api("api-user");
    static final ChangeContext IMPORT = ChangeContext.importing("admin");

    final javax.sql.DataSource dataSource;
    final JdbcContactStore store;
    final DefaultContactService contacts;
    final DefaultFieldService fields;
    final DefaultListService lists;
    final DefaultTagService tags;

    TestBed() {
        this(false, 1000);
    }

    TestBed(boolean caseSensitiveLocalPart, int batchSize) {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:contacts" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
        ds.setCreateDatabase("create");
        dataSource = ds;
        store = new JdbcContactStore(ds);
        contacts = new DefaultContactService(store, ContactsConfigs.of(caseSensitiveLocalPart, "02:00", batchSize));
        fields = new DefaultFieldService(store);
        lists = new DefaultListService(store);
        tags = new DefaultTagService(store);
    }

    /** Rows in a table, straight from the database. */
    long rows(String table) {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
                var rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        contacts.deactivate();
        store.close();
    }
}
