package org.bastion.crm.crypto.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.crypto.RecordRef;
import org.junit.jupiter.api.Test;

class GcmRecordCipherTest {

    private static final RecordRef ADA = new RecordRef("contact", "c-1");
    private static final RecordRef BOB = new RecordRef("contact", "c-2");

    private final List<String> failures = new ArrayList<>();
    private final IntegrityFailures reporter = (record, field) -> {
        failures.add(record + "#" + field);
        return new IntegrityException("field " + field + " of " + record.kind() + " " + record.id() + " failed its integrity check");
    };
    private final KeyMaterial key = KeyMaterial.random();

    private GcmRecordCipher cipher(RecordRef record, KeyMaterial material) {
        return new GcmRecordCipher(record, material, () -> {
            throw new AssertionError("no reload expected");
        }, reporter);
    }

    private static KeyMaterial copyOf(KeyMaterial material) {
        return new KeyMaterial(material.use(byte[]::clone));
    }

    @Test
    void textRoundTripsAsUrlSafeBase64WithoutPadding() {
        String ciphertext = cipher(ADA, key).encrypt("email", "ada@example.com");

        assertThat(ciphertext).matches("[A-Za-z0-9_-]+").doesNotContain("ada");
        assertThat(cipher(ADA, key).decrypt("email", ciphertext)).isEqualTo("ada@example.com");
    }

    @Test
    void bytesAndUnicodeAndEmptyValuesRoundTrip() {
        byte[] large = new byte[10_000];
        KeyMaterial.randomBytes(large);
        GcmRecordCipher cipher = cipher(ADA, key);

        assertThat(cipher.decryptBytes("photo", cipher.encryptBytes("photo", large))).isEqualTo(large);
        assertThat(cipher.decryptBytes("photo", cipher.encryptBytes("photo", new byte[0]))).isEmpty();
        assertThat(cipher.decrypt("name", cipher.encrypt("name", "Zoë Müller 山田 🙂"))).isEqualTo("Zoë Müller 山田 🙂");
        assertThat(cipher.decrypt("name", cipher.encrypt("name", ""))).isEmpty();
    }

    @Test
    void associatedDataInTwoPartsIsTheSameAsInOne() throws Exception {
        byte[] whole = FieldSealer.associatedData(ADA, "email", 1);
        byte[] recordPart = FieldSealer.recordPart(ADA);
        byte[] fieldPart = FieldSealer.fieldPart("email", 1);
        byte[] keyBytes = key.use(bytes -> bytes.clone());
        byte[] plaintext = "ada@example.com".getBytes(StandardCharsets.UTF_8);

        assertThat(FieldSealer.open(keyBytes, recordPart, fieldPart, FieldSealer.seal(keyBytes, 1, whole, plaintext)))
                .isEqualTo(plaintext);
        assertThat(FieldSealer.open(keyBytes, whole, FieldSealer.seal(keyBytes, 1, recordPart, fieldPart, plaintext)))
                .isEqualTo(plaintext);
        assertThat(FieldSealer.fieldPart("email", 1)).isSameAs(fieldPart);
        assertThat(cipher(ADA, key).decryptBytes("email", FieldSealer.seal(keyBytes, 1, whole, plaintext)))
                .isEqualTo(plaintext);
    }

    @Test
    void nullStaysNull() {
        GcmRecordCipher cipher = cipher(ADA, key);

        assertThat(cipher.encrypt("email", null)).isNull();
        assertThat(cipher.decrypt("email", null)).isNull();
        assertThat(cipher.encryptBytes("email", null)).isNull();
        assertThat(cipher.decryptBytes("email", null)).isNull();
    }

    @Test
    void theSameTextEncryptsDifferentlyEachTime() {
        GcmRecordCipher cipher = cipher(ADA, key);

        assertThat(cipher.encrypt("email", "ada@example.com")).isNotEqualTo(cipher.encrypt("email", "ada@example.com"));
    }

    @Test
    void theFormatNamesItsVersionAndKeyVersion() {
        byte[] sealed = cipher(ADA, key).encryptBytes("email", "ada".getBytes(StandardCharsets.UTF_8));

        assertThat(sealed[0]).isEqualTo((byte) 0x01);
        assertThat(ByteBuffer.wrap(sealed, 1, 4).getInt()).isEqualTo(GcmRecordCipher.RECORD_KEY_VERSION);
        assertThat(sealed).hasSize(1 + 4 + 12 + 3 + 16);
    }

    @Test
    void aCiphertextCopiedToAnotherRecordFailsEvenUnderTheSameKey() {
        String ciphertext = cipher(ADA, key).encrypt("email", "ada@example.com");

        assertThatThrownBy(() -> cipher(BOB, key).decrypt("email", ciphertext)).isInstanceOf(IntegrityException.class);
        assertThatThrownBy(() -> cipher(new RecordRef("company", "c-1"), key).decrypt("email", ciphertext))
                .isInstanceOf(IntegrityException.class);
    }

    @Test
    void aCiphertextCopiedToAnotherFieldFails() {
        String ciphertext = cipher(ADA, key).encrypt("email", "ada@example.com");

        assertThatThrownBy(() -> cipher(ADA, key).decrypt("phone", ciphertext)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void associatedDataCannotBeShiftedBetweenIdAndField() {
        GcmRecordCipher first = cipher(new RecordRef("contact", "a\0b"), key);
        GcmRecordCipher second = cipher(new RecordRef("contact", "a"), key);
        String ciphertext = first.encrypt("c", "secret");

        assertThatThrownBy(() -> second.decrypt("b\0c", ciphertext)).isInstanceOf(IntegrityException.class);
    }

    @Test
    void flippingAnyBitOfAnyByteFails() {
        GcmRecordCipher cipher = cipher(ADA, key);
        byte[] sealed = cipher.encryptBytes("email", "ada@example.com".getBytes(StandardCharsets.UTF_8));

        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] altered = sealed.clone();
                altered[i] ^= (byte) (1 << bit);
                assertThatThrownBy(() -> cipher.decryptBytes("email", altered))
                        .as("byte %d bit %d", i, bit).isInstanceOf(IntegrityException.class);
            }
        }
    }

    @Test
    void anotherKeyFails() {
        String ciphertext = cipher(ADA, key).encrypt("email", "ada@example.com");

        assertThatThrownBy(() -> cipher(ADA, KeyMaterial.random()).decrypt("email", ciphertext))
                .isInstanceOf(IntegrityException.class);
    }

    @Test
    void truncatedCiphertextsFail() {
        GcmRecordCipher cipher = cipher(ADA, key);
        byte[] sealed = cipher.encryptBytes("email", "ada@example.com".getBytes(StandardCharsets.UTF_8));

        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);
            assertThatThrownBy(() -> cipher.decryptBytes("email", truncated))
                    .as("length %d", length).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void garbageAndUnknownFormatsFail() {
        GcmRecordCipher cipher = cipher(ADA, key);
        byte[] sealed = cipher.encryptBytes("email", "ada@example.com".getBytes(StandardCharsets.UTF_8));
        byte[] otherFormat = sealed.clone();
        otherFormat[0] = 0x02;
        byte[] random = new byte[64];
        KeyMaterial.randomBytes(random);

        for (String garbage : List.of("not base64 at all!", "", "AAAA", "ada@example.com",
                Base64.getUrlEncoder().withoutPadding().encodeToString(random),
                Base64.getUrlEncoder().withoutPadding().encodeToString(otherFormat))) {
            assertThatThrownBy(() -> cipher.decrypt("email", garbage)).as(garbage).isInstanceOf(IntegrityException.class);
        }
    }

    @Test
    void aFailureNamesTheRecordAndFieldButNeitherPlaintextNorCiphertext() {
        String ciphertext = cipher(ADA, key).encrypt("email", "ada@example.com");

        assertThatThrownBy(() -> cipher(ADA, key).decrypt("phone", ciphertext))
                .isInstanceOf(IntegrityException.class)
                .hasMessageContaining("contact").hasMessageContaining("c-1").hasMessageContaining("phone")
                .message().doesNotContain("ada@example.com").doesNotContain(ciphertext);
        assertThat(failures).containsExactly("contact/c-1#phone");
    }

    @Test
    void aKeyWipedMeanwhileIsReloaded() {
        KeyMaterial cached = copyOf(key);
        List<String> reloads = new ArrayList<>();
        GcmRecordCipher cipher = new GcmRecordCipher(ADA, cached, () -> {
            reloads.add("reload");
            return copyOf(key);
        }, reporter);
        String ciphertext = cipher.encrypt("email", "ada@example.com");

        cached.wipe();

        assertThat(cipher.decrypt("email", ciphertext)).isEqualTo("ada@example.com");
        assertThat(reloads).hasSize(1);
    }

    @Test
    void aKeyThatKeepsBeingWipedEndsInAClearError() {
        KeyMaterial wiped = copyOf(key);
        wiped.wipe();
        GcmRecordCipher evicted = new GcmRecordCipher(ADA, wiped, () -> {
            KeyMaterial again = copyOf(key);
            again.wipe();
            return again;
        }, reporter);
        GcmRecordCipher locked = new GcmRecordCipher(ADA, wiped, () -> {
            throw new KeyMaterial.KeyWipedException();
        }, reporter);

        assertThatThrownBy(() -> evicted.encrypt("email", "x")).isInstanceOf(ServiceUnavailableException.class);
        assertThatThrownBy(() -> locked.encrypt("email", "x")).isInstanceOf(KeysLockedException.class);
    }

    @Test
    void aFieldNameIsRequired() {
        assertThatThrownBy(() -> cipher(ADA, key).encrypt(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cipher(ADA, key).decrypt(null, "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
