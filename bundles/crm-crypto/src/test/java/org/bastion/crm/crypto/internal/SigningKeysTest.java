package org.bastion.crm.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.DataKeyInfo;
import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.crypto.internal.db.Base64Text;
import org.bastion.crm.crypto.internal.keys.Ed25519;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    private static final KeyPurpose AUDIT = KeyPurpose.AUDIT_SIGNING;
    private static final byte[] DATA = "checkpoint 1000 0123abcd".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path folder;

    private static CryptoFixture unlocked(CryptoFixture fixture) {
        fixture.environment.put("CRM_MASTER_PASSPHRASE", "signing test");
        return fixture.start();
    }

    private static SigningKeyService signing(CryptoFixture fixture) {
        return new SigningKeyService(fixture.manager(), fixture.dataSource);
    }

    private static Map<String, KeyState> auditKeys(CryptoFixture fixture) {
        return fixture.keyService().keys().stream().filter(key -> key.purpose() == AUDIT)
                .collect(java.util.stream.Collectors.toMap(DataKeyInfo::id, DataKeyInfo::state));
    }

    @Test
    void theFirstSignatureMakesVersionOneAndVerifies() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        SigningKeyService keys = signing(fixture);
        assertThat(auditKeys(fixture)).isEmpty();

        SigningKeys.Signature signature = keys.sign(AUDIT, DATA);

        assertThat(signature.keyVersion()).isEqualTo(1);
        assertThat(signature.signature()).hasSize(64);
        assertThat(keys.verify(AUDIT, 1, DATA, signature.signature())).isTrue();
        assertThat(keys.sign(AUDIT, DATA).keyVersion()).isEqualTo(1);
        assertThat(auditKeys(fixture)).containsExactly(Map.entry("audit-signing-v1", KeyState.ACTIVE));
        assertThat(TestDatabase.count(fixture.dataSource, "SELECT COUNT(*) FROM crm_signing_key")).isEqualTo(1);
    }

    @Test
    void theStoredPrivateKeyIsWrappedNeverInClear() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        signing(fixture).sign(AUDIT, DATA);

        String row = TestDatabase.dump(fixture.dataSource, "crm_data_key").lines()
                .filter(line -> line.contains("AUDIT_SIGNING")).findFirst().orElseThrow();

        // a 32-byte seed wrapped with RFC 5649 is 40 bytes: 54 base64 characters
        assertThat(row).containsPattern("[A-Za-z0-9_-]{54}");
        assertThat(row).contains("ACTIVE");
    }

    @Test
    void alteredDataSignaturesAndUnknownVersionsDoNotVerify() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        SigningKeyService keys = signing(fixture);
        byte[] signature = keys.sign(AUDIT, DATA).signature();
        byte[] altered = DATA.clone();
        altered[0] ^= 1;
        byte[] badSignature = signature.clone();
        badSignature[10] ^= 1;

        assertThat(keys.verify(AUDIT, 1, altered, signature)).isFalse();
        assertThat(keys.verify(AUDIT, 1, DATA, badSignature)).isFalse();
        assertThat(keys.verify(AUDIT, 1, DATA, new byte[3])).isFalse();
        assertThat(keys.verify(AUDIT, 2, DATA, signature)).isFalse();
        assertThat(keys.verify(AUDIT, 0, DATA, signature)).isFalse();
        assertThatThrownBy(() -> keys.publicKey(AUDIT, 7)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void onlySigningPurposesSign() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        SigningKeyService keys = signing(fixture);

        assertThatThrownBy(() -> keys.sign(KeyPurpose.FIELD, DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field is not a signing key purpose");
        assertThatThrownBy(() -> keys.publicKey(KeyPurpose.MASTER, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> keys.verify(KeyPurpose.BACKUP, 1, DATA, new byte[64]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotationMakesANewVersionAndTheOldSignaturesStillVerify() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        SigningKeyService keys = signing(fixture);
        SigningKeys.Signature old = keys.sign(AUDIT, DATA);

        KeyRotation rotation = fixture.keyService().rotate(AUDIT);
        SigningKeys.Signature current = keys.sign(AUDIT, DATA);

        assertThat(rotation.state()).isEqualTo(KeyRotation.State.COMPLETED);
        assertThat(List.of(rotation.fromVersion(), rotation.toVersion())).containsExactly(1, 2);
        assertThat(current.keyVersion()).isEqualTo(2);
        assertThat(keys.verify(AUDIT, 1, DATA, old.signature())).isTrue();
        assertThat(keys.verify(AUDIT, 2, DATA, current.signature())).isTrue();
        assertThat(keys.verify(AUDIT, 2, DATA, old.signature())).isFalse();
        assertThat(keys.publicKey(AUDIT, 1)).isNotEqualTo(keys.publicKey(AUDIT, 2));
        assertThat(auditKeys(fixture)).containsOnly(Map.entry("audit-signing-v1", KeyState.RETIRED),
                Map.entry("audit-signing-v2", KeyState.ACTIVE));
    }

    @Test
    void aRotationBeforeAnySignatureMakesVersionOne() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));

        KeyRotation rotation = fixture.keyService().rotate(AUDIT);

        assertThat(List.of(rotation.fromVersion(), rotation.toVersion())).containsExactly(0, 1);
        assertThat(signing(fixture).sign(AUDIT, DATA).keyVersion()).isEqualTo(1);
    }

    @Test
    void whileLockedSigningIsRefusedButPublicKeysAndVerificationWork() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        SigningKeyService keys = signing(fixture);
        byte[] signature = keys.sign(AUDIT, DATA).signature();
        fixture.stop();

        assertThatThrownBy(() -> keys.sign(AUDIT, DATA)).isInstanceOf(KeysLockedException.class);
        assertThat(keys.verify(AUDIT, 1, DATA, signature)).isTrue();
        assertThat(keys.publicKey(AUDIT, 1)).hasSize(44);
    }

    @Test
    void aRotationOnAnotherNodeIsFollowedAtTheNextSignature() {
        CryptoFixture first = unlocked(CryptoFixture.manual(folder));
        signing(first).sign(AUDIT, DATA);
        CryptoFixture second = unlocked(first.restart());

        second.keyService().rotate(AUDIT);
        SigningKeys.Signature signature = signing(first).sign(AUDIT, DATA);

        assertThat(signature.keyVersion()).isEqualTo(2);
        assertThat(signing(second).verify(AUDIT, 2, DATA, signature.signature())).isTrue();
    }

    @Test
    void signingKeysSurviveAMasterRotationAndARestart() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        byte[] before = signing(fixture).publicKey(AUDIT, signing(fixture).sign(AUDIT, DATA).keyVersion());
        fixture.keyService().rotate(KeyPurpose.MASTER);
        fixture.stop();

        CryptoFixture reopened = unlocked(fixture.restart());
        SigningKeys.Signature signature = signing(reopened).sign(AUDIT, DATA);

        assertThat(signature.keyVersion()).isEqualTo(1);
        assertThat(Ed25519.verify(before, DATA, signature.signature())).isTrue();
    }

    @Test
    void aPublicKeyReplacedInTheDatabaseIsRefusedAtTheNextSignature() {
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        signing(fixture).sign(AUDIT, DATA);
        fixture.stop();
        TestDatabase.update(fixture.dataSource, "UPDATE crm_signing_key SET public_key = ?",
                Base64Text.encode(Ed25519.generate().publicKey()));

        CryptoFixture reopened = unlocked(fixture.restart());

        assertThatThrownBy(() -> signing(reopened).sign(AUDIT, DATA)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void openSslReadsThePublicKeyAndVerifiesTheSignature() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(OpenSsl.available(), "openssl is not installed");
        CryptoFixture fixture = unlocked(CryptoFixture.manual(folder));
        SigningKeyService keys = signing(fixture);
        SigningKeys.Signature signature = keys.sign(AUDIT, DATA);
        Path publicKey = Files.write(folder.resolve("audit-signing-v1.der"), keys.publicKey(AUDIT, 1));
        Path data = Files.write(folder.resolve("data"), DATA);
        Path sig = Files.write(folder.resolve("data.sig"), signature.signature());
        Path pem = folder.resolve("audit-signing-v1.pem");

        OpenSsl.Result read = OpenSsl.run("pkey", "-pubin", "-inform", "DER", "-in", publicKey.toString(),
                "-out", pem.toString());
        OpenSsl.Result verified = OpenSsl.run("pkeyutl", "-verify", "-pubin", "-inkey", pem.toString(), "-rawin",
                "-in", data.toString(), "-sigfile", sig.toString());
        Files.write(data, "checkpoint 1000 0123abce".getBytes(StandardCharsets.UTF_8));
        OpenSsl.Result tampered = OpenSsl.run("pkeyutl", "-verify", "-pubin", "-inkey", pem.toString(), "-rawin",
                "-in", data.toString(), "-sigfile", sig.toString());

        assertThat(read.exitCode()).as(read.output()).isZero();
        assertThat(Files.readString(pem)).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(verified.exitCode()).as(verified.output()).isZero();
        assertThat(verified.output()).contains("Signature Verified Successfully");
        assertThat(tampered.exitCode()).isNotZero();
    }
}
