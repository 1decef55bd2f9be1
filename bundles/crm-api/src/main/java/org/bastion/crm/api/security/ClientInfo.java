package org.bastion.crm.api.security;

import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;

/**
 * Where a login or request comes from, for throttling and the audit trail.
 *
 * @param address the client's network address (never null; "unknown" when not known)
 * @param userAgent the client's User-Agent, cut to 256 characters; may be empty
 * @param channel how the client reached the CRM: {@code rest}, {@code ssh}, {@code webconsole}, {@code jmx}
 */
public record ClientInfo(String address, String userAgent, String channel) {

    /** The longest user agent kept. */
    public static final int MAX_USER_AGENT = 256;

    public ClientInfo {
        address = address == null || address.isBlank() ? "unknown" : address;
        userAgent = userAgent == null ? "" : userAgent.length() > MAX_USER_AGENT
                ? userAgent.substring(0, MAX_USER_AGENT) : userAgent;
        channel = channel == null || channel.isBlank() ? "rest" : channel;
    }

    /**
     * The client info of request data as a client sent it, with every character the {@link SafeText} rule refuses in
     * one line (control characters, bidirectional overrides, unpaired surrogates, noncharacters) in the address and
     * the user agent replaced by '?', so that nothing a client sends can forge a log or audit line or reorder it.
     */
    public static ClientInfo sanitised(String address, String userAgent, String channel) {
        return new ClientInfo(printable(address), printable(userAgent), channel);
    }

    private static String printable(String value) {
        if (value == null) {
            return null;
        }
        return SafeText.replaceUnsafe(value.substring(0, Math.min(value.length(), MAX_USER_AGENT)),
                TextKind.SINGLE_LINE, '?');
    }
}
