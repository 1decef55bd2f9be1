package org.bastion.crm.itests;

import org.ops4j.pax.exam.Option;

/** The audit suite on the distribution's default database: embedded H2 under {@code data/}. */
public class AuditH2IT extends AbstractAuditSuite {

    @Override
    protected Option[] databaseOptions() {
        return new Option[0];
    }
}
