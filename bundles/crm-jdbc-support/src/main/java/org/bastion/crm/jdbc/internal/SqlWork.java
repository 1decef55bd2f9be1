package org.bastion.crm.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done on one connection of the {@code crm} datasource.
 *
 * @param <T> what it returns
 */
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work; must not commit, roll back or change the connection's auto-commit. */
    T apply(Connection connection) throws SQLException;
}
