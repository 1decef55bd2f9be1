package org.bastion.crm.contacts.internal.jpa;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/** Wraps a DataSource and records the SQL of every statement prepared through it, to count round trips. */
final class StatementCounter {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final DataSource counting;

    StatementCounter(DataSource target) {
        this.counting = (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, target, args);
                    return result instanceof Connection connection ? wrap(connection) : result;
                });
    }

    DataSource dataSource() {
        return counting;
    }

    /** Forgets what was recorded so far. */
    void reset() {
        statements.clear();
    }

    /** The SQL recorded since the last reset. */
    List<String> statements() {
        return List.copyOf(statements);
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
                        statements.add(sql);
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
