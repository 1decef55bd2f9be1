package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.bastion.crm.crypto.internal.CryptoFixture.contact;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.RecordCipher;
import org.bastion.crm.crypto.internal.keys.KeyMaterial;
import org.bastion.crm.crypto.internal.master.MasterKeys;
import org.bastion.crm.crypto.internal.master.SecureFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;

class MasterKeyManagerTest {

    @TempDir
    Path folder;

    private static List<Path> files(Path folder) throws Exception {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.sorted().toList();
        }
    }

    /** A first boot with {@code CRM_MASTER_PASSPHRASE=right} that stores one encrypted e-mail; returns its ciphertext. */
    private String firstBootWithRightPassphrase(CryptoFixture fixture) {
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "right");
        fixture.start();
        String ciphertext = fixture.fieldCipher().createRecordKey(contact("ada")).encrypt("email", "ada@example.com");
        fixture.stop();
        return ciphertext;
    }

    @Test
    void aFreshInstallWithoutPassphraseGeneratesBothFilesOwnerOnlyAndIsUnprotected() throws Exception {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();

        KeyStatus status = fixture.keyService().status();
        assertThat(status.state()).isEqualTo(KeyStatus.State.UNPROTECTED);
        assertThat(status.masterVersion()).isEqualTo(1);
        assertThat(files(folder)).containsExactly(fixture.keystore(), fixture.generatedPassphrase());
        assertThat(fixture.generatedPassphrase().getFileName().toString()).isEqualTo("crm-master.passphrase");
        assertThat(TestDatabase.count(fixture.dataSource, "SELECT COUNT(*) FROM crm_data_key WHERE version = 1 AND state = 'ACTIVE'"))
                .isEqualTo(3);
        assertThat(fixture.eventAdmin.events(CryptoEvents.UNLOCKED)).hasSize(1);
        assertThat(fixture.keyring()).isNotNull();
        RecordCipher cipher = fixture.fieldCipher().createRecordKey(contact("ada"));
        assertThat(cipher.decrypt("email", cipher.encrypt("email", "ada@example.com"))).isEqualTo("ada@example.com");
        assumeThat(SecureFiles.posix(folder)).isTrue();
        for (Path file : files(folder)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString()).isEqualTo("rw-------");
        }
    }

    @Test
    void theGenerationIsAnnouncedByOneClearWarning() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();

        ArgumentCaptor<String> warning = ArgumentCaptor.forClass(String.class);
        verify(fixture.log, times(1)).log(eq(System.Logger.Level.WARNING), warning.capture());
        assertThat(warning.getValue()).contains(fixture.keystore().toString(), fixture.generatedPassphrase().toString(),
                "BACK UP BOTH FILES NOW", "every encrypted field is lost", "CRM_MASTER_PASSPHRASE", "passphraseFile",
                "docs/keys.md");

        fixture.stop();
        CryptoFixture again = fixture.restart().start();
        assertThat(again.keyService().status().state()).isEqualTo(KeyStatus.State.UNPROTECTED);
        verify(again.log, times(0)).log(eq(System.Logger.Level.WARNING), anyString());
    }

    @Test
    void aFreshInstallWithAnEnvironmentPassphraseIsUnlockedAndWritesNoPassphraseFile() throws Exception {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "s3cret passphrase");

        fixture.start();

        assertThat(fixture.keyService().status())
                .isEqualTo(new KeyStatus(KeyStatus.State.UNLOCKED, "passphrase from CRM_MASTER_PASSPHRASE", 1));
        assertThat(files(folder)).containsExactly(fixture.keystore());
        verify(fixture.log, times(0)).log(eq(System.Logger.Level.WARNING), anyString());
    }

    @Test
    void aConfiguredPassphraseFileUnlocks() throws Exception {
        Path secrets = Files.createDirectories(folder.resolve("secrets"));
        Path passphraseFile = Files.writeString(secrets.resolve("crm.pass"), "from a file\n");
        CryptoFixture fixture = CryptoFixture.manual(folder);

        fixture.with(fixture.settings(passphraseFile, true)).start();

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.UNLOCKED);
        assertThat(fixture.keyService().status().detail()).isEqualTo("passphrase from file " + passphraseFile);
    }

    @Test
    void aWrongPassphraseLocksWithOneErrorAndWritesNothing() throws Exception {
        CryptoFixture first = CryptoFixture.manual(folder);
        firstBootWithRightPassphrase(first);
        byte[] keystore = Files.readAllBytes(first.keystore());
        List<Path> before = files(folder);
        String dataKeys = TestDatabase.dump(first.dataSource, "crm_data_key");
        String recordKeys = TestDatabase.dump(first.dataSource, "crm_record_key");

        CryptoFixture fixture = first.restart();
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "wrong");
        fixture.start();
        fixture.manager().reconfigure(fixture.settings());

        KeyStatus status = fixture.keyService().status();
        assertThat(status.state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(status.detail()).contains("does not open the keystore", "CRM_MASTER_PASSPHRASE");
        assertThat(Files.readAllBytes(fixture.keystore())).isEqualTo(keystore);
        assertThat(files(folder)).isEqualTo(before);
        assertThat(TestDatabase.dump(fixture.dataSource, "crm_data_key")).isEqualTo(dataKeys);
        assertThat(TestDatabase.dump(fixture.dataSource, "crm_record_key")).isEqualTo(recordKeys);
        assertThat(fixture.keyring()).isNull();
        ArgumentCaptor<String> error = ArgumentCaptor.forClass(String.class);
        verify(fixture.log, times(1)).log(eq(System.Logger.Level.ERROR), error.capture());
        assertThat(error.getValue()).doesNotContain("\n").contains("does not open");
        assertThat(fixture.eventAdmin.events(CryptoEvents.LOCKED)).hasSize(1);
        assertThat(fixture.eventAdmin.events(CryptoEvents.LOCKED).get(0).getProperty("reason")).isEqualTo(status.detail());
        assertThatThrownBy(() -> fixture.fieldCipher().createRecordKey(contact("bob")))
                .isInstanceOf(KeysLockedException.class)
                .hasMessageStartingWith("The encryption keys are locked: ").hasMessageContaining("until an operator unlocks")
                .hasMessageNotContaining("keystore").hasMessageNotContaining(folder.toString());
    }

    @Test
    void aMissingKeystoreWhileTheDatabaseHoldsDataKeysLocksAndCreatesNothing() throws Exception {
        CryptoFixture first = CryptoFixture.manual(folder);
        firstBootWithRightPassphrase(first);
        Files.delete(first.keystore());

        CryptoFixture fixture = first.restart();
        fixture.start();

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(fixture.keyService().status().detail()).contains("is missing", "restore");
        assertThat(files(folder)).isEmpty();
    }

    @Test
    void aKeystoreOfAnotherDatabaseLocks() throws Exception {
        CryptoFixture first = CryptoFixture.manual(folder.resolve("one"));
        firstBootWithRightPassphrase(first);
        CryptoFixture other = CryptoFixture.manual(folder.resolve("two"));
        firstBootWithRightPassphrase(other);
        Files.copy(other.keystore(), first.keystore(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        CryptoFixture fixture = first.restart();
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "right");
        fixture.start();

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(fixture.keyService().status().detail()).contains("does not unwrap data key");
    }

    @Test
    void productionRefusesTheGeneratedPassphrase() throws Exception {
        CryptoFixture first = CryptoFixture.manual(folder).start();
        first.stop();

        CryptoFixture fixture = first.restart();
        fixture.with(fixture.settings(null, true)).start();

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(fixture.keyService().status().detail()).contains("production", "CRM_MASTER_PASSPHRASE");
    }

    @Test
    void productionWithoutPassphraseOnAFreshInstallWritesNothing() throws Exception {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        fixture.with(fixture.settings(null, true)).start();

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(files(folder)).isEmpty();
        assertThat(TestDatabase.count(fixture.dataSource, "SELECT COUNT(*) FROM crm_data_key")).isZero();
    }

    @Test
    void aFreshProductionInstallCanBeOpenedWithATypedPassphrase() throws Exception {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        fixture.with(fixture.settings(null, true)).start();

        KeyStatus status = fixture.keyService().unlock("typed at the console".toCharArray());

        assertThat(status.state()).isEqualTo(KeyStatus.State.UNLOCKED);
        assertThat(files(folder)).containsExactly(fixture.keystore());
        fixture.stop();
        CryptoFixture restarted = fixture.restart();
        restarted.environment.put("CRM_MASTER_PASSPHRASE", "typed at the console");
        assertThat(restarted.start().keyService().status().state()).isEqualTo(KeyStatus.State.UNLOCKED);
    }

    @Test
    void switchingProductionOnLocksUnprotectedKeysAtOnce() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        RecordCipher cipher = fixture.fieldCipher().createRecordKey(contact("ada"));
        String ciphertext = cipher.encrypt("email", "ada@example.com");

        fixture.manager().reconfigure(fixture.settings(null, true));

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(fixture.keyring()).isNull();
        assertThatThrownBy(() -> cipher.decrypt("email", ciphertext)).isInstanceOf(KeysLockedException.class);
    }

    @Test
    void aLockedNodeUnlocksOnAConfigurationChangeWithoutRestart() {
        CryptoFixture first = CryptoFixture.manual(folder);
        String ciphertext = firstBootWithRightPassphrase(first);
        CryptoFixture fixture = first.restart();
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "wrong");
        fixture.start();
        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);

        fixture.environment.put("CRM_MASTER_PASSPHRASE", "right");
        fixture.manager().reconfigure(fixture.settings());

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.UNLOCKED);
        assertThat(fixture.fieldCipher().recordCipher(contact("ada")).decrypt("email", ciphertext)).isEqualTo("ada@example.com");
        assertThat(fixture.eventAdmin.events(CryptoEvents.UNLOCKED)).hasSize(1);
    }

    @Test
    void aLockedNodeUnlocksWithATypedPassphraseAndWipesIt() {
        CryptoFixture first = CryptoFixture.manual(folder);
        String ciphertext = firstBootWithRightPassphrase(first);
        CryptoFixture fixture = first.restart().start();
        assertThat(fixture.keyService().status().detail()).contains("no passphrase");
        char[] wrong = "wrong".toCharArray();
        char[] right = "right".toCharArray();

        assertThatThrownBy(() -> fixture.keyService().unlock(wrong))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("passphrase"));
        assertThat(wrong).containsOnly('\0');
        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);

        KeyStatus status = fixture.keyService().unlock(right);

        assertThat(right).containsOnly('\0');
        assertThat(status).isEqualTo(new KeyStatus(KeyStatus.State.UNLOCKED, "passphrase from an operator", 1));
        assertThat(fixture.fieldCipher().recordCipher(contact("ada")).decrypt("email", ciphertext)).isEqualTo("ada@example.com");
    }

    @Test
    void pointingPassphraseFileElsewhereReopensUnlockedKeysAtOnce() throws Exception {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();
        String ciphertext = fixture.fieldCipher().createRecordKey(contact("ada")).encrypt("email", "ada@example.com");
        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.UNPROTECTED);
        Path secrets = Files.createDirectories(folder.resolve("secrets"));
        Path moved = Files.writeString(secrets.resolve("right.pass"),
                Files.readString(fixture.settings().generatedPassphraseFile()));
        Files.delete(fixture.settings().generatedPassphraseFile());

        fixture.manager().reconfigure(fixture.settings(moved, true));

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.UNLOCKED);
        assertThat(fixture.fieldCipher().recordCipher(contact("ada")).decrypt("email", ciphertext)).isEqualTo("ada@example.com");

        Path wrong = Files.writeString(secrets.resolve("wrong.pass"), "not the passphrase\n");
        fixture.manager().reconfigure(fixture.settings(wrong, true));

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(fixture.keyService().status().detail()).contains("does not open the keystore");
        assertThat(fixture.keyring()).isNull();

        fixture.manager().reconfigure(fixture.settings(moved, true));

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.UNLOCKED);
        assertThat(fixture.fieldCipher().recordCipher(contact("ada")).decrypt("email", ciphertext)).isEqualTo("ada@example.com");
    }

    @Test
    void theKeyringIsOpenBeforeTheStatusSaysTheKeysAreUsable() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        List<String> seenWhileOpening = new ArrayList<>();
        fixture.with(fixture.settings(null, true)).start(open -> (keys, settings) -> {
            seenWhileOpening.add(fixture.manager().status().state() + " " + (fixture.manager().keyring() == null));
            return open.open(keys, settings);
        });

        KeyStatus status = fixture.keyService().unlock("typed".toCharArray());

        assertThat(seenWhileOpening).containsExactly("LOCKED true");
        assertThat(status.state()).isEqualTo(KeyStatus.State.UNLOCKED);
        assertThat(fixture.manager().keyringOrLocked()).isSameAs(fixture.keyring()).isNotNull();
    }

    @Test
    void aCallWhileTheKeysAreOpeningFailsAtOnceInsteadOfWaitingForThem() throws Exception {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        fixture.with(fixture.settings(null, true)).start(open -> (keys, settings) -> {
            opening.countDown();
            awaitOrFail(proceed);
            return open.open(keys, settings);
        });
        ExecutorService operator = Executors.newSingleThreadExecutor();
        try {
            Future<KeyStatus> unlock = operator.submit(() -> fixture.keyService().unlock("typed".toCharArray()));
            assertThat(opening.await(10, TimeUnit.SECONDS)).isTrue();

            // the unlocking thread holds the manager's monitor and sits in the keyring's opening: callers do not wait
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertThatThrownBy(() -> fixture.fieldCipher().createRecordKey(contact("ada")))
                        .isInstanceOf(KeysLockedException.class);
                assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);
            });

            proceed.countDown();
            assertThat(unlock.get(10, TimeUnit.SECONDS).state()).isEqualTo(KeyStatus.State.UNLOCKED);
            RecordCipher cipher = fixture.fieldCipher().createRecordKey(contact("ada"));
            assertThat(cipher.decrypt("email", cipher.encrypt("email", "ada@example.com"))).isEqualTo("ada@example.com");
        } finally {
            proceed.countDown();
            operator.shutdownNow();
        }
    }

    private static void awaitOrFail(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the keyring open");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aKeyringThatCannotOpenLocksWipesTheKeysAndIsRetriedWithoutRestart() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        AtomicBoolean databaseDown = new AtomicBoolean(true);
        List<MasterKeys> refused = new ArrayList<>();
        fixture.start(open -> (keys, settings) -> {
            if (databaseDown.get()) {
                refused.add(keys);
                throw new SQLException("connection refused", "08001");
            }
            return open.open(keys, settings);
        });

        KeyStatus status = fixture.keyService().status();
        assertThat(status.state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThat(status.detail()).isEqualTo("the data keys cannot be loaded (SQLException, SQL state 08001)");
        assertThat(fixture.keyring()).isNull();
        assertThatThrownBy(() -> refused.get(0).rotate()).isInstanceOf(KeyMaterial.KeyWipedException.class);
        assertThatThrownBy(() -> fixture.fieldCipher().createRecordKey(contact("ada"))).isInstanceOf(KeysLockedException.class);

        databaseDown.set(false);
        fixture.manager().reconfigure(fixture.settings());

        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.UNPROTECTED);
        assertThat(fixture.keyring()).isNotNull();
    }

    @Test
    void aCallWhileLockedFailsAtOnce() {
        CryptoFixture fixture = CryptoFixture.manual(folder);
        fixture.with(fixture.settings(null, true)).start();

        assertTimeoutPreemptively(Duration.ofSeconds(1),
                () -> assertThatThrownBy(() -> fixture.manager().keyringOrLocked()).isInstanceOf(KeysLockedException.class)
                        .hasMessageStartingWith("The encryption keys are locked"));
    }

    @Test
    void theSameLockReasonIsLoggedOnce() {
        CryptoFixture first = CryptoFixture.manual(folder);
        firstBootWithRightPassphrase(first);
        CryptoFixture fixture = first.restart().start();

        fixture.manager().reconfigure(fixture.settings());
        fixture.manager().reconfigure(fixture.settings());

        verify(fixture.log, times(1)).log(eq(System.Logger.Level.ERROR), anyString());
        assertThat(fixture.eventAdmin.events(CryptoEvents.LOCKED)).hasSize(1);
    }

    @Test
    void stoppingWipesAndWithdrawsTheKeys() {
        CryptoFixture fixture = CryptoFixture.manual(folder).start();

        fixture.stop();

        assertThat(fixture.keyring()).isNull();
        assertThat(fixture.keyService().status().state()).isEqualTo(KeyStatus.State.LOCKED);
        assertThatThrownBy(() -> fixture.keyService().keys()).isInstanceOf(KeysLockedException.class);
    }
}
