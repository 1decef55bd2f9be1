package org.bastion.crm.itests;

import org.bastion.crm.itests.support.CrmContainer;
import org.ops4j.pax.exam.Option;

/**
 * The audit suite on PostgreSQL, switched by configuration alone (as {@link ContactsPostgresIT}); excluded with
 * {@code -Dcrm.itest.skipPostgres=true}.
 */
public class AuditPostgresIT extends AbstractAuditSuite {

    @Override
    protected Option[] databaseOptions() {
        return CrmContainer.postgresOptions();
    }
}
