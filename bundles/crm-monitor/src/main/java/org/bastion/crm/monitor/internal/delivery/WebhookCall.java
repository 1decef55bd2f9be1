package org.bastion.crm.monitor.internal.delivery;

import java.net.URI;
import java.util.UUID;

/**
 * One webhook delivery: the body for one URL, with its delivery id (the same on every retry).
 */
record WebhookCall(URI url, byte[] body, UUID deliveryId, String alertId) {

    /** For the log: the host and the alert, never the path or query (they may hold a token). */
    String describe() {
        return "alert " + alertId + " to https://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }
}
