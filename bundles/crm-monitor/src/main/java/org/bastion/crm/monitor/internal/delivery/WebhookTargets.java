package org.bastion.crm.monitor.internal.delivery;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The webhook URLs of the configuration that may be used: absolute {@code https} URLs with a host. Each refused one
 * is logged in one line (scheme and host only: a URL may carry credentials) and the others are kept.
 */
final class WebhookTargets {

    private static final System.Logger LOG = System.getLogger(WebhookTargets.class.getName());

    private final List<URI> accepted;
    private final List<String> refused;

    private WebhookTargets(List<URI> accepted, List<String> refused) {
        this.accepted = List.copyOf(accepted);
        this.refused = List.copyOf(refused);
    }

    /** Reads the configured values, logging each refusal. */
    static WebhookTargets of(List<String> urls) {
        List<URI> accepted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String reason = null;
            URI uri = null;
            try {
                uri = new URI(urls.get(i));
                if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).equals("https")) {
                    reason = "it is not https";
                } else if (uri.getHost() == null) {
                    reason = "it has no host";
                }
            } catch (URISyntaxException malformed) {
                reason = "it is not a URL";
            }
            if (reason == null) {
                accepted.add(uri);
            } else {
                String shown = uri == null ? "" : " (" + uri.getScheme() + "://" + uri.getHost() + ")";
                String line = "webhookUrls entry " + (i + 1) + shown + " refused: " + reason
                        + "; the other webhooks are kept";
                refused.add(line);
                LOG.log(Level.WARNING, line);
            }
        }
        return new WebhookTargets(accepted, refused);
    }

    List<URI> accepted() {
        return accepted;
    }

    /** One line per refused entry. */
    List<String> refused() {
        return refused;
    }
}
