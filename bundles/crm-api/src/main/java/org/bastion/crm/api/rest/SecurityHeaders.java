package org.bastion.crm.api.rest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The security headers every HTTP response of the CRM carries, one set of values for every layer that answers:
 * the JAX-RS application, the servlet container's own error answers and the web console.
 */
public final class SecurityHeaders {

    /** The HSTS header's name; sent only over TLS, where browsers heed it (RFC 6797 8.1). */
    public static final String STRICT_TRANSPORT_SECURITY = "Strict-Transport-Security";

    /** One year, subdomains included: browsers then refuse plain HTTP to this host for that long. */
    public static final String STRICT_TRANSPORT_SECURITY_VALUE = "max-age=31536000; includeSubDomains";

    /** Headers whose values are fixed: no content sniffing, no framing, no referrer leaving the CRM. */
    public static final Map<String, String> FIXED;

    /**
     * Headers a response may set to a value of its own (a resource's caching policy or content security policy);
     * these values apply when it sets none: no caching (answers may carry personal data), no framing.
     */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> fixed = new LinkedHashMap<>();
        fixed.put("X-Content-Type-Options", "nosniff");
        fixed.put("X-Frame-Options", "DENY");
        fixed.put("Referrer-Policy", "no-referrer");
        FIXED = java.util.Collections.unmodifiableMap(fixed);
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("Cache-Control", "no-store");
        defaults.put("Content-Security-Policy", "frame-ancestors 'none'");
        DEFAULTS = java.util.Collections.unmodifiableMap(defaults);
    }

    private SecurityHeaders() {
    }
}
