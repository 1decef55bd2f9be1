package org.bastion.crm.itests.support;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The CRM's own {@code crm} DataSource service, used from inside the container to look behind the API: count rows,
 * read and alter a column, force H2 to write everything to its file, or read every table as text.
 */
public final class CrmDatabase implements AutoCloseable {

    private static final String CRM_DATASOURCE = "(osgi.jndi.service.name=crm)";

    private final BundleContext bundleContext;
    private final ServiceReference<DataSource> reference;
    private final DataSource dataSource;

    private CrmDatabase(BundleContext bundleContext, ServiceReference<DataSource> reference) {
        this.bundleContext = bundleContext;
        this.reference = reference;
        this.dataSource = bundleContext.getService(reference);
        if (dataSource == null) {
            throw new AssertionError("the crm DataSource service went away");
        }
    }

    /** The {@code crm} DataSource of the container, waiting up to a minute for it. */
    public static CrmDatabase open(BundleContext bundleContext) {
        ServiceReference<DataSource> reference = Await.until("the crm DataSource service", Duration.ofSeconds(60),
                () -> find(bundleContext), found -> found != null);
        return new CrmDatabase(bundleContext, reference);
    }

    private static ServiceReference<DataSource> find(BundleContext bundleContext) {
        try {
            Collection<ServiceReference<DataSource>> references =
                    bundleContext.getServiceReferences(DataSource.class, CRM_DATASOURCE);
            return references.isEmpty() ? null : references.iterator().next();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The database product: {@code H2} or {@code PostgreSQL}. */
    public String product() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw failure("ask for the database product", e);
        }
    }

    /** Whether the CRM runs on embedded H2. */
    public boolean isH2() {
        return "H2".equalsIgnoreCase(product());
    }

    /** The number of rows of {@code table}. */
    public long count(String table) {
        return number("SELECT COUNT(*) FROM " + table);
    }

    /** The single number {@code sql} selects. */
    public long number(String sql, Object... parameters) {
        String text = text(sql, parameters);
        return text == null ? 0 : Long.parseLong(text.trim());
    }

    /** The first column of the first row {@code sql} selects, as text; null when there is no row or the value is null. */
    public String text(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** Runs an INSERT, UPDATE or DELETE and commits it; returns the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            int changed = statement.executeUpdate();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return changed;
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    /** H2 only: writes every change to the database file and syncs it to disk ({@code CHECKPOINT SYNC}). */
    public void checkpoint() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw failure("CHECKPOINT SYNC", e);
        }
    }

    /**
     * Every value of every table of the current schema as UTF-8 text, one line per row, binary values as they are:
     * a dump made through SQL, for when {@code pg_dump} is not installed.
     */
    public byte[] dumpThroughSql() {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection)) {
                dump.append("-- table ").append(table).append('\n');
                try (Statement statement = connection.createStatement();
                     ResultSet rows = statement.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            Object value = rows.getObject(column);
                            dump.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1)
                                    : String.valueOf(value)).append('\t');
                        }
                        dump.append('\n');
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read every table", e);
        }
        return dump.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        String schema = connection.getSchema();
        try (ResultSet found = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                tables.add(found.getString("TABLE_NAME"));
            }
        }
        if (tables.isEmpty()) {
            throw new AssertionError("no tables in schema " + schema + " of the crm datasource");
        }
        return tables;
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
        return statement;
    }

    private static AssertionError failure(String what, SQLException e) {
        return new AssertionError("through the crm datasource: " + what + " failed: " + e.getMessage(), e);
    }

    @Override
    public void close() {
        bundleContext.ungetService(reference);
    }
}
