package org.bastion.crm.h2recovery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2DatabaseFileTest {

    @Test
    void aFileUrlNamesItsMvDbFile() {
        assertThat(H2DatabaseFile.of("jdbc:h2:file:/opt/crm/data/crm/crm;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0"))
                .contains(Path.of("/opt/crm/data/crm/crm.mv.db"));
        assertThat(H2DatabaseFile.of("jdbc:h2:/var/crm")).contains(Path.of("/var/crm.mv.db"));
        assertThat(H2DatabaseFile.of("jdbc:h2:./data/crm")).contains(Path.of("data/crm.mv.db").toAbsolutePath());
        assertThat(H2DatabaseFile.of("jdbc:h2:~/crm"))
                .contains(Path.of(System.getProperty("user.home"), "crm.mv.db"));
    }

    @Test
    void inMemoryRemoteEncryptedAndOtherUrlsNameNoFile() {
        assertThat(H2DatabaseFile.of("jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2DatabaseFile.of("jdbc:h2:tcp://localhost/~/crm")).isEmpty();
        assertThat(H2DatabaseFile.of("jdbc:h2:file:/opt/crm/crm;CIPHER=AES")).isEmpty();
        assertThat(H2DatabaseFile.of("jdbc:h2:zip:/opt/crm.zip!/crm")).isEmpty();
        assertThat(H2DatabaseFile.of("jdbc:postgresql://127.0.0.1:5432/crm")).isEmpty();
        assertThat(H2DatabaseFile.of(null)).isEmpty();
    }
}
