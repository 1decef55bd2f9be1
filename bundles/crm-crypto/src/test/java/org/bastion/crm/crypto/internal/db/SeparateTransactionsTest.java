package org.bastion.crm.crypto.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;
import javax.transaction.Status;
import javax.transaction.Synchronization;
import javax.transaction.Transaction;
import javax.transaction.TransactionManager;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;

class SeparateTransactionsTest {

    private final TransactionManager manager = mock(TransactionManager.class);
    private final DataSource dataSource = mock(DataSource.class);
    private final Connection connection = mock(Connection.class);
    private final SeparateTransactions transactions = new SeparateTransactions(manager, dataSource);

    SeparateTransactionsTest() throws Exception {
        when(dataSource.getConnection()).thenReturn(connection);
    }

    @Test
    void ownWorkSuspendsTheCallersTransactionAndCommitsThroughTheManager() throws Exception {
        Transaction callers = mock(Transaction.class);
        when(manager.getTransaction()).thenReturn(callers);
        when(manager.suspend()).thenReturn(callers);

        String result = transactions.inNewTransaction(c -> c == connection ? "done" : "wrong connection");

        assertThat(result).isEqualTo("done");
        InOrder order = inOrder(manager, dataSource, connection);
        order.verify(manager).suspend();
        order.verify(manager).begin();
        order.verify(dataSource).getConnection();
        order.verify(connection).close();
        order.verify(manager).commit();
        order.verify(manager).resume(callers);
        verify(connection, never()).setAutoCommit(false);
        verify(connection, never()).commit();
    }

    @Test
    void failedWorkRollsBackAndStillResumesTheCallersTransaction() throws Exception {
        Transaction callers = mock(Transaction.class);
        when(manager.getTransaction()).thenReturn(callers);
        when(manager.suspend()).thenReturn(callers);
        when(manager.getStatus()).thenReturn(Status.STATUS_ACTIVE);

        assertThatThrownBy(() -> transactions.inNewTransaction(c -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");

        verify(manager).rollback();
        verify(manager, never()).commit();
        verify(manager).resume(callers);
        verify(connection, never()).rollback();
    }

    @Test
    void withoutACallersTransactionNothingIsSuspended() throws Exception {
        transactions.inNewTransaction(c -> null);

        verify(manager, never()).suspend();
        verify(manager).begin();
        verify(manager).commit();
        verify(manager, never()).resume(any());
    }

    @Test
    void callerContextWorkTouchesNoTransaction() throws Exception {
        transactions.inCallerContext(c -> null);

        verify(manager, never()).begin();
        verify(connection, never()).setAutoCommit(false);
        verify(connection).close();
    }

    @Test
    void completionCallbacksWaitForTheCallersTransaction() throws Exception {
        Transaction callers = mock(Transaction.class);
        when(manager.getTransaction()).thenReturn(callers);
        when(callers.getStatus()).thenReturn(Status.STATUS_ACTIVE);
        List<Boolean> outcomes = new ArrayList<>();

        transactions.afterCompletion(outcomes::add);
        assertThat(outcomes).isEmpty();

        ArgumentCaptor<Synchronization> synchronization = ArgumentCaptor.forClass(Synchronization.class);
        verify(callers).registerSynchronization(synchronization.capture());
        synchronization.getValue().afterCompletion(Status.STATUS_ROLLEDBACK);
        synchronization.getValue().afterCompletion(Status.STATUS_COMMITTED);
        assertThat(outcomes).containsExactly(false, true);
    }

    @Test
    void withoutATransactionACompletionCallbackRunsAtOnce() {
        List<Boolean> outcomes = new ArrayList<>();

        transactions.afterCompletion(outcomes::add);

        assertThat(outcomes).containsExactly(true);
    }
}
