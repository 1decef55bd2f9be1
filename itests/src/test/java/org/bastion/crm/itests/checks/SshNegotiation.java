package org.bastion.crm.itests.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.sshd.client.ClientBuilder;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KexProposalOption;

/** An SSH client that offers one key exchange only and reports the one the session agreed on, before any login. */
final class SshNegotiation {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private SshNegotiation() {
    }

    /** The key exchange negotiated with a server when the client offers only {@code name}. */
    static String keyExchange(String host, int port, String name) {
        BuiltinDHFactories factory = BuiltinDHFactories.fromFactoryName(name);
        if (factory == null || !factory.isSupported()) {
            throw new AssertionError("this SSH client cannot offer " + name);
        }
        SshClient client = SshClient.setUpDefaultClient();
        client.setKeyExchangeFactories(List.of(ClientBuilder.DH2KEX.apply(factory)));
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (ClientSession session = client.connect("crm-itest-kex", host, port).verify(TIMEOUT).getSession()) {
            session.waitFor(EnumSet.of(ClientSession.ClientSessionEvent.WAIT_AUTH, ClientSession.ClientSessionEvent.CLOSED),
                    TIMEOUT);
            return session.getNegotiatedKexParameter(KexProposalOption.ALGORITHMS);
        } catch (IOException e) {
            throw new UncheckedIOException("SSH key exchange " + name + " with " + host + ":" + port + " failed: " + e, e);
        } finally {
            client.stop();
        }
    }
}
