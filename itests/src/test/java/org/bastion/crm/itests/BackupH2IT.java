package org.bastion.crm.itests;

import org.ops4j.pax.exam.Option;

/** The backup suite on the default (embedded H2) database. */
public class BackupH2IT extends AbstractBackupSuite {

    @Override
    protected Option[] databaseOptions() {
        return new Option[0];
    }
}
