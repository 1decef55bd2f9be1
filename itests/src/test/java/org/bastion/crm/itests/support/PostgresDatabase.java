package org.bastion.crm.itests.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL database the PostgreSQL suite runs on, taken from the system properties {@code crm.itest.pg.url},
 * {@code crm.itest.pg.user} and {@code crm.itest.pg.password}. Runs in the test driver, before the container boots.
 *
 * @param url the JDBC URL
 * @param user the role the CRM connects as
 * @param password its password
 */
public record PostgresDatabase(String url, String user, String password) {

    /** The database named by the system properties, with the defaults {@code .ci/run} sets up. */
    public static PostgresDatabase fromSystemProperties() {
        return new PostgresDatabase(
                property("crm.itest.pg.url", "jdbc:postgresql://127.0.0.1:5432/crm_it"),
                property("crm.itest.pg.user", "crm"),
                property("crm.itest.pg.password", "crm"));
    }

    /**
     * Connects and drops and re-creates the {@code public} schema so the suite starts on an empty database; fails with
     * a message saying how to get a server (or skip the suite) when none answers.
     */
    public void resetSchema() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        try (Connection connection = new org.postgresql.Driver().connect(url, properties);
             Statement statement = connection.createStatement()) {
            if (connection == null) {
                throw new IllegalStateException("not a PostgreSQL JDBC URL: " + url);
            }
            statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
            statement.execute("CREATE SCHEMA public");
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL is not reachable at " + url + " as user '" + user + "' ("
                    + e.getMessage() + "). The PostgreSQL suite needs a running server: run .ci/run (it installs and "
                    + "starts one and creates role crm/crm and database crm_it), or point -Dcrm.itest.pg.url, "
                    + "-Dcrm.itest.pg.user and -Dcrm.itest.pg.password at yours, or skip the suite with "
                    + "-Dcrm.itest.skipPostgres=true", e);
        }
    }

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() || value.startsWith("${") ? fallback : value;
    }
}
