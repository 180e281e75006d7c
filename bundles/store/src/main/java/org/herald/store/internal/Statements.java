package org.herald.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** A connection with its prepared statements kept for reuse (a bulk session prepares each SQL once). */
final class Statements implements AutoCloseable {

    private final Connection connection;
    private final boolean ownsConnection;
    private final Dialect dialect;
    private final Map<String, PreparedStatement> cache = new HashMap<>();

    /** Closing closes the connection too. */
    Statements(Connection connection, Dialect dialect) {
        this(connection, true, dialect);
    }

    Statements(Connection connection, boolean ownsConnection, Dialect dialect) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.dialect = dialect;
    }

    Connection connection() {
        return connection;
    }

    /** The database's dialect, for the few statements that differ. */
    Dialect dialect() {
        return dialect;
    }

    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement ps = cache.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            cache.put(sql, ps);
        }
        return ps;
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : cache.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        cache.clear();
        if (ownsConnection) {
            try {
                connection.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
