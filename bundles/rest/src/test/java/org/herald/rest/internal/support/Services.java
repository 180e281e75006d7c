package org.herald.rest.internal.support;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.herald.contacts.internal.ContactsConfigs;
import org.herald.contacts.internal.DefaultContactService;
import org.herald.contacts.internal.DefaultFieldService;
import org.herald.contacts.internal.DefaultListService;
import org.herald.contacts.internal.DefaultTagService;
import org.herald.store.internal.JdbcContactStore;

/** The contacts bundle's services on the store over a fresh in-memory Derby database, as Karaf wires them. */
public final class Services implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final String database = "memory:rest" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    private final JdbcContactStore store;
    public final DefaultContactService contacts;
    public final DefaultFieldService fields;
    public final DefaultListService lists;
    public final DefaultTagService tags;

    Services() {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource ds = dataSource(database);
        ds.setCreateDatabase("create");
        store = new JdbcContactStore(ds);
        contacts = new DefaultContactService(store, ContactsConfigs.defaults());
        fields = new DefaultFieldService(store);
        lists = new DefaultListService(store);
        tags = new DefaultTagService(store);
    }

    private static EmbeddedDataSource dataSource(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(name);
        return ds;
    }

    /** Drops the database under the running services, as a lost database server would. */
    public void dropDatabase() {
        EmbeddedDataSource drop = dataSource(database);
        drop.setConnectionAttributes("drop=true");
        try {
            drop.getConnection().close();
        } catch (SQLException expected) {
            // Derby reports a successful drop as SQLState 08006.
            if (!"08006".equals(expected.getSQLState())) {
                throw new IllegalStateException("cannot drop " + database, expected);
            }
        }
    }

    @Override
    public void close() {
        contacts.deactivate();
        store.close();
        try {
            dropDatabase();
        } catch (IllegalStateException alreadyGone) {
            // dropped by the test itself
        }
    }
}
