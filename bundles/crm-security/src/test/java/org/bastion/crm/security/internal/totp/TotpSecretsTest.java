package org.bastion.crm.security.internal.totp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TotpSecretsTest {

    @Test
    void secretsAre160BitsAndDiffer() {
        TotpSecrets secrets = new TotpSecrets();

        byte[] first = secrets.newSecret();
        byte[] second = secrets.newSecret();

        assertThat(first).hasSize(20);
        assertThat(second).hasSize(20).isNotEqualTo(first);
        assertThat(Base32.encode(first)).hasSize(32);
    }
}
