package org.bastion.crm.support.jdbc;

import java.sql.SQLException;

import org.osgi.annotation.versioning.ProviderType;

/**
 * How a bundle reaches the {@code crm} datasource: reads in the caller's context, writes in a transaction.
 *
 * <p>A provider type: this package implements it ({@link JoiningTransactions}; crm-test-support's
 * {@code LocalTransactions} for unit tests), bundles call it, so a method added here is a minor version step.
 */
@ProviderType
public interface Transactions {

    /** Runs {@code work} on a connection of the caller's context (its JTA transaction if any, else auto-commit). */
    <T> T read(SqlWork<T> work) throws SQLException;

    /**
     * Runs {@code work} in a transaction: the caller's JTA transaction when one is active (the work commits or rolls
     * back with it), else a new one that commits when the work returns and rolls back when it throws. Calls the work
     * makes to other services on the same datasource (such as the FieldCipher creating a record key) join it.
     */
    <T> T write(SqlWork<T> work) throws SQLException;
}
