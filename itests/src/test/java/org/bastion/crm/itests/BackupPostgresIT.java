package org.bastion.crm.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import org.bastion.crm.itests.support.CrmContainer;
import org.bastion.crm.itests.support.PgDump;
import org.bastion.crm.itests.support.PostgresDatabase;
import org.ops4j.pax.exam.Option;

/**
 * The backup suite on PostgreSQL, switched by configuration alone (as {@link ContactsPostgresIT}); excluded with
 * {@code -Dcrm.itest.skipPostgres=true}.
 */
public class BackupPostgresIT extends AbstractBackupSuite {

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
}
