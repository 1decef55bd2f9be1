package org.bastion.crm.security.internal.jaas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleClientTest {

    @Test
    void reducesTheAddressesKarafWritesToTheHost() {
        assertThat(ConsoleClient.host("/127.0.0.1:50022")).isEqualTo("127.0.0.1");
        assertThat(ConsoleClient.host("localhost/127.0.0.1:50022")).isEqualTo("127.0.0.1");
        assertThat(ConsoleClient.host("/[0:0:0:0:0:0:0:1]:50022")).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(ConsoleClient.host("/0:0:0:0:0:0:0:1:50022")).isEqualTo("0:0:0:0:0:0:0:1:50022");
        assertThat(ConsoleClient.host("192.0.2.1:51000")).isEqualTo("192.0.2.1");
        assertThat(ConsoleClient.host("127.0.0.1")).isEqualTo("127.0.0.1");
        assertThat(ConsoleClient.host("?")).isNull();
        assertThat(ConsoleClient.host("")).isNull();
        assertThat(ConsoleClient.host(null)).isNull();
    }
}
