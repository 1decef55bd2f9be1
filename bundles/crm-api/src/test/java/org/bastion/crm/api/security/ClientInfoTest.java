package org.bastion.crm.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientInfoTest {

    @Test
    void sanitisedReplacesControlCharactersSoNoClientCanForgeALogLine() {
        ClientInfo client = ClientInfo.sanitised("192.0.2.10\r\n", "Firefox/140\nforged line\u001b[2J", "rest");

        assertThat(client.address()).isEqualTo("192.0.2.10??");
        assertThat(client.userAgent()).isEqualTo("Firefox/140?forged line?[2J");
        assertThat(client.channel()).isEqualTo("rest");
    }

    @Test
    void sanitisedAlsoReplacesBidiOverridesUnpairedSurrogatesAndNoncharacters() {
        ClientInfo client = ClientInfo.sanitised("::1", "curl\u202E/8.0\ud800\uFFFF 😀", "rest");

        assertThat(client.userAgent()).isEqualTo("curl?/8.0?? 😀");
    }

    @Test
    void sanitisedKeepsTheDefaultsAndTheLengthLimit() {
        ClientInfo client = ClientInfo.sanitised(null, "x".repeat(ClientInfo.MAX_USER_AGENT + 10), null);

        assertThat(client.address()).isEqualTo("unknown");
        assertThat(client.userAgent()).hasSize(ClientInfo.MAX_USER_AGENT);
        assertThat(client.channel()).isEqualTo("rest");
        assertThat(ClientInfo.sanitised("::1", null, "ssh").userAgent()).isEmpty();
    }
}
