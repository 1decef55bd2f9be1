package org.bastion.crm.security.internal.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idHasherTest {

    /** Cheap parameters keep most tests fast; one test uses the real defaults. */
    private static final Argon2idParameters CHEAP = new Argon2idParameters(64, 1, 1);

    private final Argon2idHasher hasher = new Argon2idHasher(new SecureRandom(), CHEAP);

    @Test
    void defaultHashesUseOwaspMinimumInPhcFormat() {
        Argon2idHasher defaults = new Argon2idHasher();

        String hash = defaults.hash("correct horse battery staple");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(defaults.verify("correct horse battery staple", hash)).isTrue();
        assertThat(defaults.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(defaults.needsRehash(hash)).isFalse();
    }

    /** Vectors of the argon2 reference implementation (P-H-C/phc-winner-argon2, src/test.c), "password" and "somesalt". */
    @ParameterizedTest
    @ValueSource(strings = {
        "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
        "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4"
    })
    void verifiesTheReferenceImplementationsVectors(String reference) {
        assertThat(hasher.verify("password", reference)).isTrue();
        assertThat(hasher.verify("Password", reference)).isFalse();
    }

    @Test
    void parsesTheReferenceVectorsBytes() {
        Argon2idPhcString phc = Argon2idPhcString.parse(
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc");

        assertThat(phc.parameters()).isEqualTo(new Argon2idParameters(65_536, 2, 1));
        assertThat(phc.salt()).isEqualTo("somesalt".getBytes(StandardCharsets.US_ASCII));
        assertThat(phc.hash()).isEqualTo(
                HexFormat.of().parseHex("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"));
    }

    @Test
    void roundTripsAndUsesAFreshSaltEachTime() {
        String first = hasher.hash("s3cret password");
        String second = hasher.hash("s3cret password");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("s3cret password", first)).isTrue();
        assertThat(hasher.verify("s3cret password", second)).isTrue();
    }

    @Test
    void refusesAWrongPassword() {
        String hash = hasher.hash("s3cret password");

        assertThat(hasher.verify("s3cret passwore", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void handlesNonAsciiPasswords() {
        String hash = hasher.hash("pässwörd 🔑 密码");

        assertThat(hasher.verify("pässwörd 🔑 密码", hash)).isTrue();
        assertThat(hasher.verify("passwörd 🔑 密码", hash)).isFalse();
    }

    @Test
    void aTamperedHashOrParameterNoLongerVerifies() {
        String hash = hasher.hash("s3cret password");
        Argon2idPhcString parsed = Argon2idPhcString.parse(hash);
        byte[] flipped = parsed.hash();
        flipped[0] ^= 1;
        byte[] otherSalt = parsed.salt();
        otherSalt[5] ^= 1;

        assertThat(hasher.verify("s3cret password", new Argon2idPhcString(parsed.parameters(), parsed.salt(), flipped).format()))
                .isFalse();
        assertThat(hasher.verify("s3cret password", new Argon2idPhcString(parsed.parameters(), otherSalt, parsed.hash()).format()))
                .isFalse();
        assertThat(hasher.verify("s3cret password", hash.replace("m=64,t=1", "m=72,t=1"))).isFalse();
        assertThat(hasher.verify("s3cret password", hash.replace("m=64,t=1", "m=64,t=2"))).isFalse();
    }

    @Test
    void parsesParametersSoOldHashesStillVerifyAfterTheCostIsRaised() {
        String old = hasher.hash("s3cret password");
        Argon2idHasher stronger = new Argon2idHasher(new SecureRandom(), new Argon2idParameters(128, 2, 1));

        assertThat(Argon2idPhcString.parse(old).parameters()).isEqualTo(CHEAP);
        assertThat(stronger.verify("s3cret password", old)).isTrue();
        assertThat(stronger.needsRehash(old)).isTrue();
        assertThat(stronger.needsRehash(stronger.hash("s3cret password"))).isFalse();
        assertThat(hasher.needsRehash(stronger.hash("s3cret password"))).isFalse();
    }

    @Test
    void needsRehashForShortHashesAndUnreadableStrings() {
        Argon2idPhcString shortHash = new Argon2idPhcString(CHEAP, new byte[16], new byte[16]);

        assertThat(hasher.needsRehash(shortHash.format())).isTrue();
        assertThat(hasher.needsRehash("$2a$10$bcrypt")).isTrue();
        assertThat(hasher.needsRehash(null)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "not a hash",
        "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=64,t=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$t=1,m=64,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=64,t=1,p=0$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaA",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaA",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$a",
        "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA$extra"
    })
    void badStoredHashesGiveAClearException(String stored) {
        assertThatThrownBy(() -> hasher.verify("password", stored))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("argon2id");
    }

    @Test
    void aMissingPasswordGivesAClearException() {
        String hash = hasher.hash("s3cret password");

        assertThatThrownBy(() -> hasher.verify(null, hash))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> hasher.hash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> hasher.hash("\ud800")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dummyVerifyAlwaysRefusesAndDoesTheSameWork() {
        assertThat(hasher.dummyVerify("anything")).isFalse();
        assertThat(hasher.dummyVerify("")).isFalse();
        assertThat(hasher.dummyVerify(null)).isFalse();
        assertThat(new Argon2idHasher().dummyVerify("anything")).isFalse();
    }

    @Test
    void phcStringRoundTripsAndHidesBytesInToString() {
        Argon2idPhcString phc = Argon2idPhcString.parse(hasher.hash("s3cret password"));

        assertThat(Argon2idPhcString.parse(phc.format()).format()).isEqualTo(phc.format());
        assertThat(phc.toString()).doesNotContain(phc.format().substring(phc.format().lastIndexOf('$') + 1));
    }
}
