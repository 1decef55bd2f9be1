package org.bastion.crm.security.internal.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void shipsTheTenThousandMostCommonPasswordsInLowerCase() {
        Set<String> shipped = CommonPasswords.shipped();

        assertThat(shipped).hasSize(10_000).contains("123456", "password", "qwerty", "iloveyou", "trustno1");
        assertThat(shipped).allSatisfy(p -> assertThat(p).isLowerCase().isNotBlank().doesNotStartWith("#"));
    }

    @Test
    void theShippedFileNamesItsSourceAndLicence() throws IOException {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(CommonPasswords.RESOURCE)) {
            String firstLine = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();

            assertThat(firstLine).startsWith("#").contains("zxcvbn", "4.4.2", "MIT");
        }
    }

    @Test
    void readsCommentsBlankLinesAndCase() throws IOException {
        String list = "# a header\nHunter2\n\n123456\n#not a password\nhunter2\n";

        Set<String> read = CommonPasswords.read(new ByteArrayInputStream(list.getBytes(StandardCharsets.UTF_8)));

        assertThat(read).containsExactlyInAnyOrder("hunter2", "123456");
    }
}
