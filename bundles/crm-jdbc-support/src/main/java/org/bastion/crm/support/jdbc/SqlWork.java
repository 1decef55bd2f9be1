package org.bastion.crm.support.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Work done on one connection of the {@code crm} datasource.
 *
 * <p>A consumer type: every user implements it (a lambda), so any change to it is a major version step.
 *
 * @param <T> what it returns
 */
@ConsumerType
@FunctionalInterface
public interface SqlWork<T> {

    /** Does the work; must not commit, roll back or change the connection's auto-commit. */
    T apply(Connection connection) throws SQLException;
}
