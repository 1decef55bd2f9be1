package org.bastion.crm.api.rest;

import java.util.Map;

/**
 * The stable problem {@code type} and title of each HTTP status, shared by the REST application's problem bodies and
 * the answers the servlet container gives on its own (a malformed request, an error page), so that one status always
 * names the same problem whichever layer answered.
 */
public final class HttpProblems {

    private static final Map<Integer, String[]> KNOWN = Map.ofEntries(
            Map.entry(400, new String[] {"bad-request", "Bad request"}),
            Map.entry(401, new String[] {"unauthorized", "Authentication required"}),
            Map.entry(403, new String[] {"forbidden", "Forbidden"}),
            Map.entry(404, new String[] {"not-found", "Not found"}),
            Map.entry(405, new String[] {"method-not-allowed", "Method not allowed"}),
            Map.entry(406, new String[] {"not-acceptable", "Not acceptable"}),
            Map.entry(408, new String[] {"request-timeout", "Request timeout"}),
            Map.entry(409, new String[] {"conflict", "Conflict"}),
            Map.entry(412, new String[] {"precondition-failed", "Precondition failed"}),
            Map.entry(413, new String[] {"payload-too-large", "Payload too large"}),
            Map.entry(414, new String[] {"uri-too-long", "URI too long"}),
            Map.entry(415, new String[] {"unsupported-media-type", "Unsupported media type"}),
            Map.entry(428, new String[] {"precondition-required", "Precondition required"}),
            Map.entry(429, new String[] {"too-many-requests", "Too many requests"}),
            Map.entry(431, new String[] {"request-header-fields-too-large", "Request header fields too large"}),
            Map.entry(500, new String[] {"internal-error", "Internal server error"}),
            Map.entry(501, new String[] {"not-implemented", "Not implemented"}),
            Map.entry(503, new String[] {"service-unavailable", "Service unavailable"}),
            Map.entry(505, new String[] {"http-version-not-supported", "HTTP version not supported"}));

    private HttpProblems() {
    }

    /** Whether the status has a problem code and title of its own. */
    public static boolean isKnown(int status) {
        return KNOWN.containsKey(status);
    }

    /** The problem code of a status, such as {@code not-found} for 404; {@code http-<status>} for others. */
    public static String codeOf(int status) {
        String[] known = KNOWN.get(status);
        return known != null ? known[0] : "http-" + status;
    }

    /** The fixed title of a status, such as {@code Not found}; {@code HTTP <status>} for others. */
    public static String titleOf(int status) {
        String[] known = KNOWN.get(status);
        return known != null ? known[1] : "HTTP " + status;
    }

    /** The problem {@code type} URI of a status. */
    public static String typeOf(int status) {
        return CrmRest.PROBLEM_TYPE_BASE + codeOf(status);
    }

    /**
     * A problem+json body of only {@code type}, {@code title} and {@code status}: what an answer produced outside the
     * REST application says (it never repeats the container's reason, which may quote the request or name a class).
     */
    public static String minimalJson(int status) {
        // codes and titles are fixed ASCII text without quotes or backslashes: nothing to escape
        return "{\"type\":\"" + typeOf(status) + "\",\"title\":\"" + titleOf(status) + "\",\"status\":" + status + "}";
    }
}
