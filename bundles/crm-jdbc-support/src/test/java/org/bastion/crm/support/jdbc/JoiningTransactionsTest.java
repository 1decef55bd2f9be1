package org.bastion.crm.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.TransactionManager;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class JoiningTransactionsTest {

    private final TransactionManager manager = mock(TransactionManager.class);
    private final DataSource dataSource = mock(DataSource.class);
    private final Connection connection = mock(Connection.class);
    private final JoiningTransactions transactions = new JoiningTransactions(manager, dataSource);

    JoiningTransactionsTest() throws Exception {
        when(dataSource.getConnection()).thenReturn(connection);
    }

    @Test
    void aWriteWithoutTransactionBeginsAndCommitsOneThroughTheManager() throws Exception {
        when(manager.getStatus()).thenReturn(Status.STATUS_NO_TRANSACTION);

        String result = transactions.write(c -> c == connection ? "done" : "wrong connection");

        assertThat(result).isEqualTo("done");
        InOrder order = inOrder(manager, dataSource, connection);
        order.verify(manager).begin();
        order.verify(dataSource).getConnection();
        order.verify(connection).close();
        order.verify(manager).commit();
        verify(connection, never()).setAutoCommit(false);
        verify(connection, never()).commit();
    }

    @Test
    void aWriteInsideTheCallersTransactionJoinsIt() throws Exception {
        when(manager.getStatus()).thenReturn(Status.STATUS_ACTIVE);

        transactions.write(c -> null);

        verify(manager, never()).begin();
        verify(manager, never()).commit();
        verify(dataSource).getConnection();
    }

    @Test
    void aFailedWriteRollsBack() throws Exception {
        when(manager.getStatus()).thenReturn(Status.STATUS_NO_TRANSACTION, Status.STATUS_ACTIVE);

        assertThatThrownBy(() -> transactions.write(c -> {
            throw new SQLException("boom", "23505");
        })).isInstanceOf(SQLException.class).hasMessage("boom");

        verify(manager).rollback();
        verify(manager, never()).commit();
    }
}
