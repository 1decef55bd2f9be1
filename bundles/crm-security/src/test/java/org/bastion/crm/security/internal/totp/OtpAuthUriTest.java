package org.bastion.crm.security.internal.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtpAuthUriTest {

    private static final byte[] SECRET = "foobar".getBytes(StandardCharsets.US_ASCII);

    @Test
    void buildsTheUriAuthenticatorAppsRead() {
        assertThat(OtpAuthUri.forUser("alice", SECRET)).isEqualTo(
                "otpauth://totp/Bastion%20CRM:alice?secret=MZXW6YTBOI&issuer=Bastion%20CRM"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void encodesSpecialCharactersInTheUsername() {
        String uri = OtpAuthUri.forUser("a b:c&d=é+f?", SECRET);

        assertThat(uri).startsWith("otpauth://totp/Bastion%20CRM:a%20b%3Ac%26d%3D%C3%A9%2Bf%3F?secret=");
        URI parsed = URI.create(uri);
        assertThat(parsed.getPath()).isEqualTo("/Bastion CRM:a b:c&d=é+f?");
        assertThat(parsed.getQuery()).startsWith("secret=MZXW6YTBOI&issuer=Bastion CRM&");
    }

    @Test
    void refusesMissingInputClearly() {
        assertThatThrownBy(() -> OtpAuthUri.forUser(" ", SECRET)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OtpAuthUri.forUser("alice", new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
