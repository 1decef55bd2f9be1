package org.bastion.crm.security.internal.jaas;

import java.util.Locale;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.bastion.crm.api.security.ClientInfo;

/**
 * Where a console login comes from, read from the {@link ClientPrincipal} Karaf puts into the subject before it logs
 * in ({@code ssh}, {@code webconsole}, {@code jmx}), with the address reduced to the host.
 */
final class ConsoleClient {

    /** The channel of a login whose subject names none. */
    static final String UNKNOWN_CHANNEL = "console";

    private static final int MAX_CHANNEL = 32;

    private ConsoleClient() {
    }

    /** The client of a login into {@code subject}: address if known, no user agent, the channel. */
    static ClientInfo of(Subject subject) {
        if (subject == null) {
            return new ClientInfo(null, "", UNKNOWN_CHANNEL);
        }
        return subject.getPrincipals(ClientPrincipal.class).stream().findFirst()
                .map(client -> new ClientInfo(host(client.getAddress()), "", channel(client.getMethod())))
                .orElseGet(() -> new ClientInfo(null, "", UNKNOWN_CHANNEL));
    }

    /**
     * The host of an address as Karaf writes it: {@code /127.0.0.1:50022} or {@code localhost/127.0.0.1:50022} (SSH),
     * {@code /[0:0:0:0:0:0:0:1]:50022}, {@code 127.0.0.1:50022} (web console), {@code 127.0.0.1} (JMX); null for
     * none or {@code ?}.
     */
    static String host(String address) {
        if (address == null) {
            return null;
        }
        String host = address.trim();
        int slash = host.lastIndexOf('/');
        if (slash >= 0) {
            host = host.substring(slash + 1);
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            host = end > 0 ? host.substring(1, end) : host.substring(1);
        } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') >= 0) {
            host = host.substring(0, host.indexOf(':'));
        }
        return host.isEmpty() || "?".equals(host) ? null : host;
    }

    private static String channel(String method) {
        if (method == null || method.isBlank()) {
            return UNKNOWN_CHANNEL;
        }
        String channel = method.trim().toLowerCase(Locale.ROOT);
        return channel.length() > MAX_CHANNEL ? channel.substring(0, MAX_CHANNEL) : channel;
    }
}
