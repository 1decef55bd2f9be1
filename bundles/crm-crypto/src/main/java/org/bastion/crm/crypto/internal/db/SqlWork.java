package org.bastion.crm.crypto.internal.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work; must not commit, roll back or change the connection's auto-commit. */
    T apply(Connection connection) throws SQLException;
}
