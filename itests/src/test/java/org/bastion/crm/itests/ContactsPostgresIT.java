package org.bastion.crm.itests;


import org.bastion.crm.itests.support.CrmContainer;
import org.ops4j.pax.exam.Option;

/**
 * The CRM suite on PostgreSQL, switched by configuration alone: {@code etc/org.ops4j.datasource-crm.cfg} points at
 * the server named by {@code -Dcrm.itest.pg.url/user/password}, whose {@code public} schema is emptied first.
 * Excluded with {@code -Dcrm.itest.skipPostgres=true}; without it, a missing server fails the suite.
 */
public class ContactsPostgresIT extends AbstractContactsSuite {

    @Override
    protected Option[] databaseOptions() {
        return CrmContainer.postgresOptions();
    }

    @Override
    protected String expectedDatabaseProduct() {
        return "PostgreSQL";
    }
}
