package com.example.deals.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.testing.BackupParticipantChecks;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

class DealsBackupTest {

    @Test
    void theDealsTableJoinsBackupsWithTheBundlesOwnMigrations() throws Exception {
        URL script = getClass().getResource("/db/deals/V1__create_deals.sql");
        Bundle bundle = mock(Bundle.class);
        when(bundle.findEntries("db/deals", "V*.sql", false)).thenReturn(Collections.enumeration(List.of(script)));
        BundleContext context = mock(BundleContext.class);
        when(context.getBundle()).thenReturn(bundle);
        BackupParticipant participant = new DealsBackup(context, null);
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        assertThat(participant.name()).isEqualTo("deals").isEqualTo(participant.schemaComponent());
        assertThat(participant.migrations()).hasSize(1);
        assertThat(BackupParticipantChecks.problems(empty, participant, Set.of())).isEmpty();
    }
}
