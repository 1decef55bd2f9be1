package org.bastion.crm.monitor.internal.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.permissions.AdminOnlyPermissions;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.rest.AuthenticatedRequest;
import org.bastion.crm.api.rest.RequestAuthenticator;

/**
 * Who may read the metrics: a request whose only {@code Authorization} is {@code Bearer <scrape token>} (compared in
 * constant time, when a token is configured), else a session the {@link RequestAuthenticator} accepts whose caller
 * holds {@code metrics:read}. Never anyone else: without an authenticator the answer is 503.
 */
final class ScrapeAccess {

    /** A configured token shorter than this is ignored (and said so in the log). */
    static final int MIN_TOKEN_LENGTH = 32;

    private final byte[] tokenDigest;

    /** @param scrapeToken the configured token, or empty/null for none */
    ScrapeAccess(String scrapeToken) {
        this.tokenDigest = scrapeToken == null || scrapeToken.length() < MIN_TOKEN_LENGTH ? null
                : sha256(scrapeToken);
    }

    boolean hasToken() {
        return tokenDigest != null;
    }

    /**
     * Returns quietly when the request may read the metrics.
     *
     * @throws org.bastion.crm.api.CrmException the authenticator's refusal (401), a 403 without the permission, a 503
     *         without an authenticator
     */
    void check(List<String> authorization, String remoteAddress, String userAgent, RequestAuthenticator authenticator,
            Permissions permissions) {
        if (tokenDigest != null && authorization != null && authorization.size() == 1) {
            String value = authorization.get(0);
            if (value.regionMatches(true, 0, "Bearer ", 0, 7)
                    && MessageDigest.isEqual(tokenDigest, sha256(value.substring(7).trim()))) {
                return;
            }
        }
        if (authenticator == null) {
            throw new ServiceUnavailableException("authentication is not available at the moment");
        }
        AuthenticatedRequest request = authenticator.authenticate(authorization == null ? List.of() : authorization,
                remoteAddress, userAgent);
        if (request.enrolmentOnly()) {
            throw request.outsideEnrolment();
        }
        AdminOnlyPermissions.orFailClosed(permissions).check(request.caller(), MetricsPermissionSet.METRICS_READ);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
