package org.bastion.crm.database.internal;

import java.lang.reflect.InvocationTargetException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Finds the H2 file store behind a connection of the crm datasource: nothing for PostgreSQL, an H2 server (TCP)
 * connection or an in-memory database. H2 exports {@code org.h2.jdbc} and {@code org.h2.mvstore} but not the engine
 * classes in between (session, database, store), so the getters leading there are called reflectively; a later H2 that
 * renames them makes {@link #fileStoreOf} throw, which the housekeeping logs, and its unit test fails on the upgrade.
 */
public final class H2Stores {

    private H2Stores() {
    }

    /** The MVStore of the embedded H2 file database {@code connection} belongs to, if it is one. */
    public static Optional<MVStore> fileStoreOf(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        try {
            Object session = call(connection.unwrap(JdbcConnection.class), "getSession");
            if (!"org.h2.engine.SessionLocal".equals(session.getClass().getName())) {
                return Optional.empty(); // a connection to an H2 server: its file is that server's business
            }
            Object database = call(session, "getDatabase");
            Object store = call(database, "getStore");
            MVStore mvStore = store == null ? null : (MVStore) call(store, "getMvStore");
            return mvStore == null || mvStore.getFileStore() == null ? Optional.empty() : Optional.of(mvStore);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new SQLException("Cannot reach the H2 store of this connection (H2 changed?): " + e, e);
        }
    }

    private static Object call(Object target, String getter) throws ReflectiveOperationException {
        try {
            return target.getClass().getMethod(getter).invoke(target);
        } catch (InvocationTargetException e) {
            throw new ReflectiveOperationException(getter + " failed: " + e.getCause(), e.getCause());
        }
    }
}
