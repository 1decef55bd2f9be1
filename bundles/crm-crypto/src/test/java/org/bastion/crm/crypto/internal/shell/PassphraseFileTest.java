package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseFileTest {

    @TempDir
    Path directory;

    @Test
    void aFileOnlyItsOwnerAndGroupMayReadIsNotReadableByOthers() throws IOException {
        Path file = Files.writeString(directory.resolve("pass"), "secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThat(PassphraseFile.readableByOthers(file)).isFalse();
    }

    @Test
    void aFileOthersMayReadIsReadableByOthers() throws IOException {
        Path file = Files.writeString(directory.resolve("pass"), "secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));

        assertThat(PassphraseFile.readableByOthers(file)).isTrue();
    }

    @Test
    void refusesAFileWhosePermissionsCannotBeRead() {
        Path gone = directory.resolve("gone");

        assertThatThrownBy(() -> PassphraseFile.readableByOthers(gone)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("cannot read the permissions of " + gone);
    }
}
