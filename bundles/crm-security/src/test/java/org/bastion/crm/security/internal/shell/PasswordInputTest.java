package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordInputTest {

    @TempDir
    Path directory;

    @Test
    void aFileOnlyItsOwnerAndGroupMayReadIsNotReadableByOthers() throws IOException {
        Path file = Files.writeString(directory.resolve("pw"), "secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(PasswordInput.readableByOthers(file)).isFalse();
    }

    @Test
    void aFileOthersMayReadIsReadableByOthers() throws IOException {
        Path file = Files.writeString(directory.resolve("pw"), "secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(PasswordInput.readableByOthers(file)).isTrue();
    }

    @Test
    void refusesAFileWhosePermissionsCannotBeRead() {
        Path gone = directory.resolve("gone");

        assertThatThrownBy(() -> PasswordInput.readableByOthers(gone)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot read the permissions of " + gone);
    }
}
