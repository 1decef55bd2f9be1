package org.bastion.crm.contacts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.backup.BackupParticipant;
import org.bastion.crm.testing.BackupParticipantChecks;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class ContactsBackupParticipantTest {

    private final BackupParticipant participant =
            new ContactsBackupParticipant(BackupParticipantChecks.scripts(ContactsSchema.SCRIPT_FOLDER));

    @Test
    void everyContactsTableIsBackedUpParentsFirst() throws Exception {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

        assertThat(BackupParticipantChecks.problems(empty, participant, Set.of())).isEmpty();
        assertThat(participant.name()).isEqualTo("contacts");
        assertThat(participant.migrations()).hasSize(3);
        assertThat(participant.mergedTables()).isEmpty();
    }

    @Test
    void theCheckNamesAChildListedBeforeItsParentAndATableLeftOut() throws Exception {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        BackupParticipant wrong = new BackupParticipant() {
            @Override
            public String name() {
                return "contacts";
            }

            @Override
            public java.util.List<String> tables() {
                return java.util.List.of("crm_contact", "crm_company");
            }

            @Override
            public java.util.List<org.bastion.crm.api.persistence.Migration> migrations() {
                return participant.migrations();
            }
        };

        assertThat(BackupParticipantChecks.problems(empty, wrong, Set.of()))
                .contains("table crm_contact is listed before its parent crm_company",
                        "table crm_contact_search is neither backed up nor left out");
    }
}
