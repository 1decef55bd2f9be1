package org.bastion.crm.crypto.internal.db;

import java.sql.SQLException;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.bastion.crm.support.jdbc.SqlWork;

/**
 * {@link Transactions} on a plain (non-XA) datasource with JDBC local transactions. Only correct where no global
 * (JTA) transaction can exist, as in the unit tests on an in-memory H2 datasource: on the container's XA datasource a
 * connection may be enlisted in a caller's JTA transaction, and its auto-commit must not be touched there; the bundle
 * uses {@link SeparateTransactions} in the container. The JDBC work is the shared local transactions' own.
 */
public final class LocalTransactions implements Transactions {

    private final org.bastion.crm.testing.LocalTransactions local;

    public LocalTransactions(DataSource dataSource) {
        this.local = new org.bastion.crm.testing.LocalTransactions(dataSource);
    }

    @Override
    public <T> T inCallerContext(SqlWork<T> work) throws SQLException {
        return local.read(work);
    }

    /** Without a global transaction there is none to join, so the shared local write is a transaction of its own. */
    @Override
    public <T> T inNewTransaction(SqlWork<T> work) throws SQLException {
        return local.write(work);
    }

    @Override
    public void afterCompletion(Consumer<Boolean> callback) {
        callback.accept(Boolean.TRUE);
    }
}
