package com.example.deals.internal;

import static org.mockito.Mockito.mock;

import java.sql.Connection;
import java.sql.SQLException;

import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.support.jdbc.Transactions;

/**
 * Transactions for tests of the service over in-memory storage: the work runs at once on an unused mock connection
 * (the service's work goes through its store, never through the connection it is handed).
 */
final class DirectTransactions implements Transactions {

    private final Connection connection = mock(Connection.class);

    @Override
    public <T> T read(SqlWork<T> work) throws SQLException {
        return work.apply(connection);
    }

    @Override
    public <T> T write(SqlWork<T> work) throws SQLException {
        return work.apply(connection);
    }
}
