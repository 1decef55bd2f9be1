package org.bastion.crm.crypto.internal.db;

import java.sql.SQLException;
import java.util.function.Consumer;

import org.bastion.crm.support.jdbc.SqlWork;

/**
 * How the crypto bundle reaches the {@code crm} datasource: either in the caller's transaction (whatever it is), or in
 * a transaction of its own. Work never calls {@code commit}, {@code rollback} or {@code setAutoCommit} itself.
 */
public interface Transactions {

    /**
     * Runs {@code work} on a connection of the caller's context: inside the caller's JTA transaction when there is
     * one (so it commits or rolls back with the caller's own writes), else in auto-commit mode.
     */
    <T> T inCallerContext(SqlWork<T> work) throws SQLException;

    /**
     * Runs {@code work} in a transaction of its own that commits when the work returns and rolls back when it throws;
     * a caller's transaction, if any, is left untouched.
     */
    <T> T inNewTransaction(SqlWork<T> work) throws SQLException;

    /**
     * Calls {@code callback} with whether the caller's transaction committed, once it ends; at once with {@code true}
     * when no transaction is active (the work already committed in auto-commit mode).
     */
    void afterCompletion(Consumer<Boolean> callback);
}
