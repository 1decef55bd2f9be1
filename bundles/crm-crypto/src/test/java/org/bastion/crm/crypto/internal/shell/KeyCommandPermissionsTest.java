package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.crypto.internal.CryptoFixture;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key commands on the real key service: its permission checks reach the console as one error line. */
class KeyCommandPermissionsTest {

    private static final Caller SUPPORT = new Caller("u-support", "Sue", Set.of("support"), true);

    @TempDir
    Path folder;

    private CryptoFixture fixture;

    @BeforeEach
    void unlocked() {
        fixture = CryptoFixture.manual(folder);
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "shell permission test");
        fixture.start();
    }

    @Test
    void keyRotateRefusesAConsoleCallerWithoutKeysManage() {
        fixture.caller = SUPPORT;
        KeyRotateCommand command = rotate("field");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: this needs the permission keys:manage");
        fixture.caller = CryptoFixture.ADMIN;
        assertThat(fixture.keyService().rotations()).isEmpty();
    }

    @Test
    void keyRotateWorksForAnAdministrator() {
        ShellOutput output = ShellOutput.run(rotate("field"));

        assertThat(output.failed()).isFalse();
        assertThat(output.outLines()).containsExactly(fixture.keyService().rotations().get(0).id().toString());
    }

    @Test
    void keyListAndKeyStatusRefuseAConsoleCallerWithoutKeysRead() {
        fixture.caller = SUPPORT;
        KeyListCommand list = new KeyListCommand();
        list.keys = fixture.keyService();
        KeyStatusCommand status = new KeyStatusCommand();
        status.keys = fixture.keyService();

        assertThat(ShellOutput.run(list).errLines()).containsExactly("Error: this needs the permission keys:read");
        assertThat(ShellOutput.run(status).errLines()).containsExactly("Error: this needs the permission keys:read");
    }

    private KeyRotateCommand rotate(String purpose) {
        KeyRotateCommand command = new KeyRotateCommand();
        command.keys = fixture.keyService();
        command.purpose = purpose;
        command.pause = pause -> { };
        return command;
    }
}
