package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;

import org.bastion.crm.api.health.ComponentHealth;
import org.bastion.crm.api.health.HealthState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CryptoHealthTest {

    @TempDir
    Path folder;

    private static ComponentHealth healthOf(CryptoFixture fixture) {
        CryptoHealth health = new CryptoHealth();
        health.manager = fixture.manager();
        return health.check();
    }

    @Test
    void unlockedWithAnOperatorsPassphraseIsUp() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "secret");

        assertThat(healthOf(fixture.start()))
                .isEqualTo(new ComponentHealth("crypto", HealthState.UP, "unlocked (passphrase from CRM_MASTER_PASSPHRASE)"));
    }

    @Test
    void unprotectedIsDegraded() {
        assertThat(healthOf(CryptoFixture.manual(folder).start())).isEqualTo(new ComponentHealth("crypto",
                HealthState.DEGRADED, "unprotected: master key generated at first boot, its passphrase stored beside it"));
    }

    @Test
    void lockedIsDownWithTheReason() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        ComponentHealth health = healthOf(fixture.with(fixture.settings(null, true)).start());

        assertThat(health.state()).isEqualTo(HealthState.DOWN);
        assertThat(health.detail()).startsWith("locked: production mode");
    }

    @Test
    void healthNamesFilesWithoutTheirFolders() {
        assertThat(CryptoHealth.withoutFolders("the passphrase from CRM_MASTER_PASSPHRASE does not open the keystore"
                + " /opt/crm/etc/crm-master.p12")).isEqualTo(
                        "the passphrase from CRM_MASTER_PASSPHRASE does not open the keystore crm-master.p12");
        assertThat(CryptoHealth.withoutFolders("passphrase file C:\\crm\\secrets\\pass.txt is empty"))
                .isEqualTo("passphrase file pass.txt is empty");
        assertThat(CryptoHealth.withoutFolders("see docs/keys.md")).isEqualTo("see docs/keys.md");
    }

    @Test
    void aMissingManagerIsReported() {
        ComponentHealth health = new CryptoHealth().check();

        assertThat(health.state()).isEqualTo(HealthState.DOWN);
        assertThat(health.detail()).contains("key manager not running");
    }

    @Test
    void aKeyringThatCannotOpenIsDownWithTheReason() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        fixture.start(open -> (keys, settings) -> {
            throw new SQLException("connection refused", "08001");
        });

        assertThat(healthOf(fixture)).isEqualTo(new ComponentHealth("crypto", HealthState.DOWN,
                "locked: the data keys cannot be loaded (SQLException, SQL state 08001)"));
    }
}
