package org.bastion.crm.crypto.internal.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Collections;

import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyStoreTest {

    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path folder;

    private MasterKeyStore store() {
        return new MasterKeyStore(folder.resolve("etc/crm-master.p12"));
    }

    @Test
    void aCreatedKeystoreHoldsMasterV1AsAPkcs12SecretKeyEntry() throws Exception {
        KeyMaterial key = KeyMaterial.random();
        byte[] expected = key.use(byte[]::clone);

        store().create(PASSPHRASE, key);

        MasterKeyStore.Contents contents = store().load(PASSPHRASE);
        assertThat(contents.keys()).containsOnlyKeys(1);
        assertThat(contents.keys().get(1).use(byte[]::clone)).isEqualTo(expected);
        assertThat(contents.createdAt()).containsKey(1);
        KeyStore jdk = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store().path())) {
            jdk.load(in, PASSPHRASE);
        }
        assertThat(Collections.list(jdk.aliases())).containsExactly("master-v1");
        assertThat(jdk.entryInstanceOf("master-v1", KeyStore.SecretKeyEntry.class)).isTrue();
    }

    @Test
    void aWrongPassphraseIsReportedAsSuch() throws Exception {
        store().create(PASSPHRASE, KeyMaterial.random());

        assertThatThrownBy(() -> store().load("wrong".toCharArray()))
                .isInstanceOf(MasterKeyStore.WrongPassphraseException.class);
    }

    @Test
    void anExistingKeystoreIsNeverOverwritten() throws Exception {
        store().create(PASSPHRASE, KeyMaterial.random());
        byte[] before = Files.readAllBytes(store().path());

        assertThatThrownBy(() -> store().create(PASSPHRASE, KeyMaterial.random()))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readAllBytes(store().path())).isEqualTo(before);
        assertThat(Files.list(store().path().getParent())).containsExactly(store().path());
    }

    @Test
    void anAddedVersionKeepsTheOlderOnesAndSurvivesAReopen() throws Exception {
        KeyMaterial first = KeyMaterial.random();
        byte[] firstBytes = first.use(byte[]::clone);
        store().create(PASSPHRASE, first);

        store().add(PASSPHRASE, 2, KeyMaterial.random());

        MasterKeyStore.Contents reopened = new MasterKeyStore(store().path()).load(PASSPHRASE);
        assertThat(reopened.keys()).containsOnlyKeys(1, 2);
        assertThat(reopened.keys().get(1).use(byte[]::clone)).isEqualTo(firstBytes);
        assertThat(Files.list(store().path().getParent())).containsExactly(store().path());
        assertThatThrownBy(() -> store().add(PASSPHRASE, 2, KeyMaterial.random()))
                .hasMessageContaining("already holds master-v2");
    }

    @Test
    void theKeystoreIsReadableByItsOwnerOnly() throws Exception {
        assumeThat(SecureFiles.posix(folder)).isTrue();
        store().create(PASSPHRASE, KeyMaterial.random());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().path()))).isEqualTo("rw-------");

        store().add(PASSPHRASE, 2, KeyMaterial.random());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store().path()))).isEqualTo("rw-------");
    }
}
