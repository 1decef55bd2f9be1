package org.bastion.crm.crypto.internal.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseResolverTest {

    @TempDir
    Path folder;

    private final Map<String, String> environment = new HashMap<>();
    private final PassphraseResolver resolver = new PassphraseResolver(environment::get);

    private Path generated() {
        return folder.resolve("crm-master.passphrase");
    }

    @Test
    void theEnvironmentComesFirst() throws Exception {
        environment.put("CRM_MASTER_PASSPHRASE", "from-env");
        Path file = Files.writeString(folder.resolve("pass"), "from-file\n");
        Files.writeString(generated(), "generated\n");

        Passphrase passphrase = resolver.resolve(file, generated()).orElseThrow();

        assertThat(new String(passphrase.chars())).isEqualTo("from-env");
        assertThat(passphrase.source()).isEqualTo(Passphrase.Source.ENVIRONMENT);
        assertThat(passphrase.describe()).isEqualTo("CRM_MASTER_PASSPHRASE");
    }

    @Test
    void thenTheConfiguredFileWithoutItsTrailingNewline() throws Exception {
        Path file = Files.writeString(folder.resolve("pass"), "  spaces inside kept \r\n");
        Files.writeString(generated(), "generated\n");

        Passphrase passphrase = resolver.resolve(file, generated()).orElseThrow();

        assertThat(new String(passphrase.chars())).isEqualTo("  spaces inside kept");
        assertThat(passphrase.describe()).isEqualTo("file " + file);
        assertThat(passphrase.unprotected()).isFalse();
    }

    @Test
    void aMissingOrEmptyConfiguredFileIsAnErrorNotAFallback() throws Exception {
        Files.writeString(generated(), "generated\n");
        Path empty = Files.writeString(folder.resolve("empty"), "\n");

        assertThatThrownBy(() -> resolver.resolve(folder.resolve("absent"), generated()))
                .isInstanceOf(PassphraseResolver.UnreadablePassphraseException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> resolver.resolve(empty, generated()))
                .isInstanceOf(PassphraseResolver.UnreadablePassphraseException.class).hasMessageContaining("is empty");
    }

    @Test
    void thenTheGeneratedFileBesideTheKeystore() throws Exception {
        Files.writeString(generated(), "generated\n");

        Passphrase passphrase = resolver.resolve(null, generated()).orElseThrow();

        assertThat(new String(passphrase.chars())).isEqualTo("generated");
        assertThat(passphrase.unprotected()).isTrue();
    }

    @Test
    void nothingWhenNoSourceHasOne() throws Exception {
        environment.put("CRM_MASTER_PASSPHRASE", "");

        assertThat(resolver.resolve(null, generated())).isEmpty();
    }

    @Test
    void aGeneratedPassphraseIsRandomOwnerOnlyAndNeverOverwritten() throws Exception {
        Passphrase passphrase = PassphraseResolver.generate(generated());

        assertThat(passphrase.chars()).hasSize(43);
        assertThat(Files.readString(generated())).isEqualTo(new String(passphrase.chars()) + "\n");
        assertThat(new String(PassphraseResolver.generate(folder.resolve("other")).chars()))
                .isNotEqualTo(new String(passphrase.chars()));
        assertThatThrownBy(() -> PassphraseResolver.generate(generated())).isInstanceOf(FileAlreadyExistsException.class);
        assumeThat(SecureFiles.posix(folder)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated()))).isEqualTo("rw-------");
    }

    @Test
    void wipingZeroesTheCharacters() {
        char[] chars = "secret".toCharArray();
        new Passphrase(chars, Passphrase.Source.TYPED, null).wipe();

        assertThat(chars).containsOnly('\0');
    }
}
