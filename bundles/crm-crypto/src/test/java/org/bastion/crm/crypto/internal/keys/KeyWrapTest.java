package org.bastion.crm.crypto.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.junit.jupiter.api.Test;

class KeyWrapTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void matchesTheTestVectorsOfRfc5649() throws Exception {
        byte[] kek = HEX.parseHex("5840df6e29b02af1ab493b705bf16ea1ae8338f4dcc176a8");

        assertThat(HEX.formatHex(KeyWrap.wrap(kek, HEX.parseHex("c37b7e6492584340bed12207808941155068f738"))))
                .isEqualTo("138bdeaa9b8fa7fc61f97742e72248ee5ae6ae5360d1ae6a5f54f373fa543b6a");
        assertThat(HEX.formatHex(KeyWrap.wrap(kek, HEX.parseHex("466f7250617369"))))
                .isEqualTo("afbeb0f07dfbf5419200f2ccb50bb24f");
    }

    @Test
    void aWrappedKeyUnwrapsWithItsKekOnly() throws Exception {
        KeyMaterial master = KeyMaterial.random();
        KeyMaterial dataKey = KeyMaterial.random();

        byte[] wrapped = KeyWrap.wrap(master, dataKey);

        assertThat(wrapped).hasSize(40);
        assertThat(KeyWrap.unwrap(master, wrapped).use(byte[]::clone)).isEqualTo(dataKey.use(byte[]::clone));
        assertThatThrownBy(() -> KeyWrap.unwrap(KeyMaterial.random(), wrapped)).isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void anAlteredWrappedKeyFails() {
        KeyMaterial master = KeyMaterial.random();
        byte[] wrapped = KeyWrap.wrap(master, KeyMaterial.random());
        wrapped[17] ^= 1;

        assertThatThrownBy(() -> KeyWrap.unwrap(master, wrapped)).isInstanceOf(InvalidCipherTextException.class);
    }

    @Test
    void aWrappedKeyOfAnotherLengthIsRefused() {
        KeyMaterial master = KeyMaterial.random();
        byte[] wrapped = master.use(kek -> KeyWrap.wrap(kek, new byte[16]));

        assertThatThrownBy(() -> KeyWrap.unwrap(master, wrapped)).isInstanceOf(InvalidCipherTextException.class);
    }
}
