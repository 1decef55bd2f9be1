package org.bastion.crm.rest.internal.caller;

import java.security.Principal;
import java.util.Locale;
import java.util.Optional;

import javax.security.auth.Subject;

import org.bastion.crm.api.security.ClientInfo;

/**
 * Where a Karaf shell session comes from, read from the {@code ClientPrincipal} Karaf puts into its JAAS subject:
 * method {@code ssh} with the SSH client's address (channel {@code ssh}), method {@code local} for the console
 * started with {@code bin/karaf} (channel {@code console}), {@code webconsole} or {@code jmx}. Read by class name and
 * reflection, so that the REST bundle needs no Karaf package.
 */
final class ShellClient {

    static final String KARAF_CLIENT_PRINCIPAL = "org.apache.karaf.jaas.boot.principal.ClientPrincipal";

    private ShellClient() {
    }

    /** The client of the shell session running under {@code subject}, if it names one. */
    static Optional<ClientInfo> of(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        for (Principal principal : subject.getPrincipals()) {
            if (ThreadCallerContext.isKarafPrincipal(principal, KARAF_CLIENT_PRINCIPAL)) {
                String method = call(principal, "getMethod");
                String address = call(principal, "getAddress");
                String channel = method == null || method.isBlank() ? "console"
                        : "local".equalsIgnoreCase(method.trim()) ? "console" : method.trim().toLowerCase(Locale.ROOT);
                return Optional.of(ClientInfo.sanitised(host(address), "", channel.length() > 16
                        ? channel.substring(0, 16) : channel));
            }
        }
        return Optional.empty();
    }

    /**
     * The host of an address as Karaf writes it: {@code /127.0.0.1:50022} or {@code localhost/127.0.0.1:50022} (SSH),
     * {@code /[0:0:0:0:0:0:0:1]:50022}, {@code 127.0.0.1:50022}, {@code localhost}; null for none or {@code ?}.
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

    private static String call(Principal principal, String getter) {
        try {
            Object value = principal.getClass().getMethod(getter).invoke(principal);
            return value == null ? null : value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
