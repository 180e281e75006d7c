package org.herald.contacts.internal;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * The real Derby DataSource with a switch: while it is off, every new connection fails the way a
 * network database that went away fails (with the driver's technical text), so tests can take the
 * database away and bring it back. Shared with the route modules' tests through this module's test jar.
 */
public final class SwitchableDataSource implements DataSource {

    /** What the driver says; none of it may reach a user or a queue header. */
    public static final String DRIVER_TEXT = "java.net.ConnectException : Error connecting to server db.internal on port "
            + "1527 with message Connection refused. SELECT * FROM contact; INSERT INTO contact_event";

    private final DataSource delegate;
    private volatile boolean available = true;
    private final AtomicInteger refused = new AtomicInteger();

    public SwitchableDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    public void takeAway() {
        available = false;
    }

    public void bringBack() {
        available = true;
    }

    /** Connections refused so far. */
    public int refused() {
        return refused.get();
    }

    private void check() throws SQLException {
        if (!available) {
            refused.incrementAndGet();
            throw new SQLNonTransientConnectionException(DRIVER_TEXT, "08001");
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        check();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        check();
        return delegate.getConnection(username, password);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
