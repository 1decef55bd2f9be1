package org.bastion.crm.rest.internal.caller;

import org.bastion.crm.api.security.ClientInfo;

/** Builds a {@link ClientInfo} from request data, so that nothing a client sends can forge a log or audit line. */
final class ClientInfos {

    private ClientInfos() {
    }

    /** The client info of an address and user agent, with control characters in either replaced by '?'. */
    static ClientInfo of(String address, String userAgent, String channel) {
        return new ClientInfo(printable(address), printable(userAgent), channel);
    }

    static String printable(String value) {
        if (value == null) {
            return null;
        }
        int length = Math.min(value.length(), ClientInfo.MAX_USER_AGENT);
        StringBuilder clean = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            clean.append(Character.isISOControl(c) ? '?' : c);
        }
        return clean.toString();
    }
}
