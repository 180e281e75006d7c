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
    private final Map<String, PreparedStatement> cache = new HashMap<>();

    /** Closing closes the connection too. */
    Statements(Connection connection) {
        this(connection, true);
    }

    Statements(Connection connection, boolean ownsConnection) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
    }

    Connection connection() {
        return connection;
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
