package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.shell.ShellText;
import org.junit.jupiter.api.Test;

class KeyFormatTest {

    private static final UUID ID = UUID.fromString("3f2e0000-0000-0000-0000-000000000001");

    @Test
    void progressLineNamesPurposeVersionsCountsAndPercentRoundedDown() {
        assertThat(KeyFormat.progress(FakeKeyService.running(ID, KeyPurpose.FIELD, 500, 1234)))
                .isEqualTo("field v1 -> v2: 500/1234 (40%)");
        assertThat(KeyFormat.progress(FakeKeyService.running(ID, KeyPurpose.BLIND_INDEX, 1233, 1234)))
                .isEqualTo("blind-index v1 -> v2: 1233/1234 (99%)");
    }

    @Test
    void aRotationWithNothingToMoveIsAtZeroUntilItCompletes() {
        assertThat(KeyFormat.percent(FakeKeyService.running(ID, KeyPurpose.BACKUP, 0, 0))).isZero();
        assertThat(KeyFormat.percent(FakeKeyService.completed(ID, KeyPurpose.BACKUP, 0))).isEqualTo(100);
    }

    @Test
    void percentStaysWithinZeroAndHundredWhenCountsDrift() {
        KeyRotation overshoot = new KeyRotation(ID, KeyPurpose.FIELD, 1, 2, KeyRotation.State.RUNNING, 10, 12,
                FakeKeyService.T0, null, null);
        assertThat(KeyFormat.percent(overshoot)).isEqualTo(100);
    }

    @Test
    void statusLineShowsStateMasterVersionAndDetail() {
        assertThat(KeyFormat.statusLine(new KeyStatus(KeyStatus.State.UNLOCKED, "passphrase from the environment", 3)))
                .isEqualTo("Keys: UNLOCKED, master key v3 - passphrase from the environment");
        assertThat(KeyFormat.statusLine(new KeyStatus(KeyStatus.State.UNPROTECTED, null, 1)))
                .isEqualTo("Keys: UNPROTECTED, master key v1");
    }

    @Test
    void lockedStatusLineHasNoMasterVersionAndNamesTheUnlockCommand() {
        assertThat(KeyFormat.statusLine(new KeyStatus(KeyStatus.State.LOCKED, "no passphrase given", 0)))
                .isEqualTo("Keys: LOCKED - no passphrase given (unlock with crm:key-unlock)");
    }

    @Test
    void cellsCannotCarryTerminalEscapesOrLineBreaks() {
        assertThat(ShellText.cell("a\u001b[2Jb\nc\td")).isEqualTo("a\\u001B[2Jb c d");
        assertThat(ShellText.cell(null)).isEmpty();
    }
}
