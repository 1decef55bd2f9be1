package org.bastion.crm.itests;

import org.ops4j.pax.exam.Option;

/**
 * The CRM suite on the distribution's default database: embedded H2 under {@code data/}.
 */
public class ContactsH2IT extends AbstractContactsSuite {

    @Override
    protected Option[] databaseOptions() {
        return new Option[0];
    }

    @Override
    protected String expectedDatabaseProduct() {
        return "H2";
    }
}
