package org.bastion.crm.security.internal.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.server.SshServer;
import org.junit.jupiter.api.Test;

class SshCompressionPolicyTest {

    @Test
    void serverSetUpWithTheDefaultsOffersZlibUntilThePolicyIsApplied() {
        SshServer server = SshServer.setUpDefaultServer();
        assertThat(NamedResource.getNames(server.getCompressionFactories()))
                .as("the default this policy exists for").contains("zlib");

        new SshCompressionPolicy().bindServer(server);

        assertThat(NamedResource.getNames(server.getCompressionFactories())).isEqualTo("none");
    }

    @Test
    void everyServerKarafRegistersGetsThePolicy() {
        SshCompressionPolicy policy = new SshCompressionPolicy();
        SshServer first = SshServer.setUpDefaultServer();
        SshServer afterAConfigurationChange = SshServer.setUpDefaultServer();

        policy.bindServer(first);
        policy.unbindServer(first);
        policy.bindServer(afterAConfigurationChange);

        assertThat(NamedResource.getNames(afterAConfigurationChange.getCompressionFactories())).isEqualTo("none");
        assertThat(NamedResource.getNames(first.getCompressionFactories())).isEqualTo("none");
    }
}
