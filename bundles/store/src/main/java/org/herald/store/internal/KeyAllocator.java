package org.herald.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Hands out internal contact keys from blocks reserved in {@code herald_key_block} (hi/lo), so a
 * JDBC batch knows the keys of the rows it inserts and can insert their tags, memberships and
 * ledger entries in the same batch. Each block is reserved in its own short transaction, which
 * keeps the counter row's lock brief and is safe with several nodes on one database. Keys lost
 * with a rolled-back batch are simply never used.
 */
final class KeyAllocator {

    private final DataSource dataSource;
    private final String name;
    private final int blockSize;
    private long next;
    private long limit;

    KeyAllocator(DataSource dataSource, String name, int blockSize) {
        this.dataSource = dataSource;
        this.name = name;
        this.blockSize = blockSize;
    }

    synchronized long next() throws SQLException {
        if (next >= limit) {
            reserve();
        }
        return next++;
    }

    private void reserve() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement(
                    "UPDATE herald_key_block SET next_value = next_value + ? WHERE name = ?");
                    PreparedStatement get = c.prepareStatement("SELECT next_value FROM herald_key_block WHERE name = ?")) {
                up.setLong(1, blockSize);
                up.setString(2, name);
                if (up.executeUpdate() != 1) {
                    throw new SQLException("key block '" + name + "' missing from herald_key_block");
                }
                get.setString(1, name);
                try (ResultSet rs = get.executeQuery()) {
                    rs.next();
                    limit = rs.getLong(1);
                    next = limit - blockSize;
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
