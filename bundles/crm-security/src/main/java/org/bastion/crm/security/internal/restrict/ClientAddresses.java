package org.bastion.crm.security.internal.restrict;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The canonical text of a client address, so that an address an administrator types and the address a connection
 * comes from compare equal: IPv4 dotted quads, IPv6 in Java's full form ({@code 0:0:0:0:0:0:0:1}), IPv4-mapped IPv6 as
 * IPv4, brackets and zone ids dropped. Only literals are accepted: a host name is never resolved.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddresses() {
    }

    /** The canonical form of {@code text}, or empty when it is not an IPv4 or IPv6 address literal. */
    public static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0 && literal.contains(":")) {
            literal = literal.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(literal).matches();
        boolean v6 = !v4 && literal.contains(":") && IPV6.matcher(literal).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : literal.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // a literal (digits and dots, or containing ':') is parsed, never looked up
            return Optional.of(InetAddress.getByName(literal).getHostAddress());
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
