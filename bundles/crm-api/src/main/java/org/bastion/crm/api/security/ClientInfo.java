package org.bastion.crm.api.security;

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
}
