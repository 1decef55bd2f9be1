package org.bastion.crm.security.internal.ssh;

import java.util.List;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.compression.BuiltinCompressions;
import org.apache.sshd.common.compression.Compression;
import org.apache.sshd.server.SshServer;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Turns compression off on Karaf's SSH server, which offers {@code none,zlib,zlib@openssh.com} and has no
 * configuration key for it: {@code zlib} starts before authentication, so any client could make the server inflate
 * data before it knows who is calling. Karaf registers each server it creates (a configuration change creates a new
 * one) as a service before starting it; every registration is bound here, synchronously, and gets compression
 * {@code none} only. Sessions read the list when they start, so the setting applies to every later connection.
 */
@Component(service = {})
public final class SshCompressionPolicy {

    /** The only compression offered: none. */
    static final List<NamedFactory<Compression>> COMPRESSIONS = List.of(BuiltinCompressions.none);

    /** Applies the policy to a server Karaf registered. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindServer(SshServer server) {
        server.setCompressionFactories(COMPRESSIONS);
    }

    /** Nothing to undo: the server is gone or going. */
    void unbindServer(SshServer server) {
        // the server keeps the policy until it stops
    }
}
