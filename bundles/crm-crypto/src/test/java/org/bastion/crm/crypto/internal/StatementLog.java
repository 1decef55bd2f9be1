package org.bastion.crm.crypto.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

/** Wraps a datasource so that a test can see which statements were prepared. */
public final class StatementLog {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;

    public StatementLog(DataSource target) {
        this.dataSource = proxy(DataSource.class, target, (method, result) -> result instanceof Connection connection
                ? proxy(Connection.class, connection, (inner, value) -> value) : result);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The statements prepared since the last {@link #clear()} that contain {@code text}. */
    public List<String> containing(String text) {
        return statements.stream().filter(sql -> sql.contains(text)).toList();
    }

    public void clear() {
        statements.clear();
    }

    private interface ResultMapper {
        Object map(java.lang.reflect.Method method, Object result);
    }

    private <T> T proxy(Class<T> type, T target, ResultMapper mapper) {
        InvocationHandler handler = (self, method, arguments) -> {
            if (method.getName().equals("prepareStatement") && arguments != null && arguments[0] instanceof String sql) {
                statements.add(sql);
            }
            try {
                return mapper.map(method, method.invoke(target, arguments));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
