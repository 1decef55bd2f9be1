package org.bastion.crm.itests;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import org.bastion.crm.itests.support.CrmContainer;
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
        };
    }

    @Override
    protected String expectedDatabaseProduct() {
        return "PostgreSQL";
    }
}
