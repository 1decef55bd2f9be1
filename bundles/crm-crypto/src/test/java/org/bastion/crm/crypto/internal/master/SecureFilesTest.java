package org.bastion.crm.crypto.internal.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecureFilesTest {

    @TempDir
    Path folder;

    @Test
    void createNewWritesIntoNewFoldersAndRefusesAnExistingFile() throws Exception {
        Path target = folder.resolve("a/b/secret");

        SecureFiles.createNew(target, new byte[] {1, 2});

        assertThat(Files.readAllBytes(target)).containsExactly(1, 2);
        assertThatThrownBy(() -> SecureFiles.createNew(target, new byte[] {3})).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2);
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void replaceSwapsTheContentAndLeavesNoTemporaryFile() throws Exception {
        Path target = folder.resolve("secret");
        Files.writeString(target, "old");

        SecureFiles.replace(target, new byte[] {'n', 'e', 'w'});

        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(Files.list(folder)).containsExactly(target);
    }

    @Test
    void writtenFilesAreOwnerOnlyAndOthersReadableFilesAreNoticed() throws Exception {
        assumeThat(SecureFiles.posix(folder)).isTrue();
        Path target = folder.resolve("secret");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(SecureFiles.readableByOthers(target)).isTrue();

        SecureFiles.replace(target, new byte[] {1});

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
        assertThat(SecureFiles.readableByOthers(target)).isFalse();
    }
}
