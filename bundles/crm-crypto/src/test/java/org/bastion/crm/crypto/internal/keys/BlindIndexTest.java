package org.bastion.crm.crypto.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bastion.crm.api.crypto.BlindToken;
import org.bastion.crm.api.crypto.DataKeyInfo.KeyState;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.junit.jupiter.api.Test;

class BlindIndexTest {

    private static DataKeys withOneVersion(byte[] key) {
        DataKeys keys = new DataKeys();
        keys.add(KeyPurpose.BLIND_INDEX, 1, KeyState.ACTIVE, new KeyMaterial(key.clone()));
        return keys;
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        KeyMaterial.randomBytes(key);
        return key;
    }

    @Test
    void tokensAreDeterministic() {
        DataKeys keys = withOneVersion(randomKey());

        assertThat(BlindIndex.tokens(keys, "contact.email", "ada@example.com"))
                .isEqualTo(BlindIndex.tokens(keys, "contact.email", "ada@example.com"))
                .hasSize(1);
    }

    @Test
    void theTokenIsTheFirstEightBytesOfHmacSha256OverDomainZeroTerm() throws Exception {
        byte[] key = randomKey();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update("contact.email".getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        long expected = ByteBuffer.wrap(mac.doFinal("ada@example.com".getBytes(StandardCharsets.UTF_8))).getLong();

        assertThat(BlindIndex.tokens(withOneVersion(key), "contact.email", "ada@example.com"))
                .containsExactly(new BlindToken(1, expected));
    }

    @Test
    void tokensDifferByDomainTermAndKey() {
        byte[] key = randomKey();
        long email = BlindIndex.tokens(withOneVersion(key), "contact.email", "ada").get(0).value();

        assertThat(BlindIndex.tokens(withOneVersion(key), "contact.name", "ada").get(0).value()).isNotEqualTo(email);
        assertThat(BlindIndex.tokens(withOneVersion(key), "contact.email", "adb").get(0).value()).isNotEqualTo(email);
        assertThat(BlindIndex.tokens(withOneVersion(randomKey()), "contact.email", "ada").get(0).value()).isNotEqualTo(email);
    }

    @Test
    void thereIsOneTokenPerLiveVersion() {
        DataKeys keys = withOneVersion(randomKey());
        keys.add(KeyPurpose.BLIND_INDEX, 2, KeyState.ACTIVE, KeyMaterial.random());
        keys.setState(KeyPurpose.BLIND_INDEX, 1, KeyState.RETIRING);

        List<BlindToken> during = BlindIndex.tokens(keys, "contact.email", "ada");
        keys.setState(KeyPurpose.BLIND_INDEX, 1, KeyState.RETIRED);
        List<BlindToken> after = BlindIndex.tokens(keys, "contact.email", "ada");

        assertThat(during).extracting(BlindToken::keyVersion).containsExactly(1, 2);
        assertThat(during.get(0).value()).isNotEqualTo(during.get(1).value());
        assertThat(after).containsExactly(during.get(1));
    }

    @Test
    void aDomainWithAZeroCharacterIsRefused() {
        DataKeys keys = withOneVersion(randomKey());

        assertThatThrownBy(() -> BlindIndex.tokens(keys, "a\0b", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlindIndex.tokens(keys, "", "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
