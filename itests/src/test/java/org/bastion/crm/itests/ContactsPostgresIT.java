package org.bastion.crm.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.bastion.crm.itests.support.CrmContainer;
import org.bastion.crm.itests.support.PgDump;
import org.bastion.crm.itests.support.PostgresDatabase;
import org.ops4j.pax.exam.Option;

/**
 * The CRM suite on PostgreSQL, switched by configuration alone: {@code etc/org.ops4j.datasource-crm.cfg} points at
 * the server named by {@code -Dcrm.itest.pg.url/user/password}, whose {@code public} schema is emptied first.
 * Excluded with {@code -Dcrm.itest.skipPostgres=true}; without it, a missing server fails the suite.
 */
public class ContactsPostgresIT extends AbstractContactsSuite {

    @Override
    protected Option[] databaseOptions() {
        PostgresDatabase database = PostgresDatabase.fromSystemProperties();
        database.resetSchema();
        return new Option[] {
            editConfigurationFilePut(CrmContainer.DATASOURCE_CFG, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(CrmContainer.DATASOURCE_CFG, "url", database.url()),
            editConfigurationFilePut(CrmContainer.DATASOURCE_CFG, "user", database.user()),
            editConfigurationFilePut(CrmContainer.DATASOURCE_CFG, "password", database.password()),
            // the encryption check runs pg_dump from inside the container with the same settings
            systemProperty(PgDump.URL_PROPERTY).value(database.url()),
            systemProperty(PgDump.USER_PROPERTY).value(database.user()),
            systemProperty(PgDump.PASSWORD_PROPERTY).value(database.password()),
        };
    }

    @Override
    protected String expectedDatabaseProduct() {
        return "PostgreSQL";
    }
}
