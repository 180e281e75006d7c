package org.herald.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.eclipse.persistence.config.PersistenceUnitProperties;
import org.eclipse.persistence.jpa.PersistenceProvider;
import org.herald.common.HeraldException;
import org.herald.store.StoreException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;

/**
 * The database, for the store components of this bundle: the pax-jdbc DataSource, the schema
 * migrations (applied once, at activation, before any store serves a call), the EclipseLink
 * EntityManagerFactory for the definition aggregates, and the transaction helpers for both JPA
 * and JDBC work. Registered under this (private) class, so only this bundle's stores use it.
 */
@Component(service = Database.class, immediate = true)
public class Database {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private final EntityManagerFactory emf;
    private final Dialect dialect;

    @Activate
    public Database(@Reference(target = "(dataSourceName=herald)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.dialect = Dialect.of(dataSource);
        ClassLoader loader = Database.class.getClassLoader();
        new Migrator(dataSource, loader).migrate();
        Map<String, Object> props = new HashMap<>();
        props.put(PersistenceUnitProperties.NON_JTA_DATASOURCE, dataSource);
        props.put(PersistenceUnitProperties.CLASSLOADER, loader);
        props.put(PersistenceUnitProperties.WEAVING, "false");
        props.put(PersistenceUnitProperties.DDL_GENERATION, PersistenceUnitProperties.NONE);
        // JDBC writes bypass JPA: a shared cache would serve stale rows.
        props.put(PersistenceUnitProperties.CACHE_SHARED_DEFAULT, "false");
        props.put(PersistenceUnitProperties.LOGGING_LEVEL, "WARNING");
        props.put(PersistenceUnitProperties.TARGET_DATABASE, dialect.eclipseLinkPlatform());
        this.emf = new PersistenceProvider().createEntityManagerFactory("herald", props);
        if (emf == null) {
            throw new StoreException("persistence unit 'herald' not found (META-INF/persistence.xml)", null);
        }
        LOG.info("Herald database ready on {}", dialect);
    }

    @Deactivate
    public void close() {
        emf.close();
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** What this database does differently (the one place the store asks). */
    Dialect dialect() {
        return dialect;
    }

    /** A new key allocator over {@code herald_key_block} row {@code name}. */
    KeyAllocator keys(String name, int blockSize) {
        return new KeyAllocator(dataSource, name, blockSize);
    }

    // ---- JDBC

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Statements st) throws SQLException;
    }

    /** Runs {@code work} on a connection in auto-commit mode (reads, single statements). */
    <T> T read(String what, SqlWork<T> work) {
        try (Statements st = new Statements(dataSource.getConnection(), dialect)) {
            return work.run(st);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /**
     * Runs {@code work} as a read that takes no row locks (READ UNCOMMITTED; on a database with
     * multi-version reads the same as READ COMMITTED): for look-ups of keys that never change once
     * written, which must neither wait for nor deadlock with writers that hold contact rows (on
     * Derby a locking read takes its row locks in index order, writers in key order). What it may
     * see that is not committed yet is a contact whose creation is still under way.
     */
    <T> T readUnlocked(String what, SqlWork<T> work) {
        try (Statements st = new Statements(dataSource.getConnection(), dialect)) {
            Connection c = st.connection();
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            try {
                return work.run(st);
            } finally {
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Runs {@code work} in one JDBC transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(String what, SqlWork<T> work) {
        try (Statements st = new Statements(dataSource.getConnection(), dialect)) {
            return inTransaction(st, work);
        } catch (SQLException e) {
            throw failed(what, e);
        }
    }

    /** Runs {@code work} in one transaction on a connection the caller keeps (bulk sessions). */
    static <T> T inTransaction(Statements st, SqlWork<T> work) throws SQLException {
        Connection c = st.connection();
        c.setAutoCommit(false);
        try {
            T result = work.run(st);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException r) {
                e.addSuppressed(r);
            }
            throw e;
        }
    }

    // ---- JPA

    /** Runs {@code work} with an EntityManager outside a transaction (reads). */
    <T> T jpa(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /** Runs {@code work} in one JPA transaction. */
    <T> T jpaTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } catch (HeraldException e) {
            throw e;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    static StoreException failed(String what, SQLException e) {
        return new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
}
