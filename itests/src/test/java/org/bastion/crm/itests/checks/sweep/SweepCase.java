package org.bastion.crm.itests.checks.sweep;

import java.util.List;

/**
 * One request of the sweep: which operation and case it stands for, who sends it, the raw target (path and query
 * relative to {@code /api/v1}, percent-encoded as sent), the Content-Type and body (either may be null), extra header
 * name/value pairs, and whether any 2xx answer is an offence.
 *
 * @param operation the operation the case belongs to
 * @param kind what is bad: the body, a path parameter, a query parameter or a header
 * @param name the case's name, such as {@code path:id:nul}
 * @param anonymous true to send it without a token
 * @param target the raw path and query relative to {@code /api/v1}
 * @param contentType the Content-Type header, or null for none
 * @param body the body bytes, or null for none
 * @param headers extra header name/value pairs
 * @param mustBeRefused whether a 2xx answer is an offence
 */
public record SweepCase(SweepOperation operation, Kind kind, String name, boolean anonymous, String target,
        String contentType, byte[] body, List<String> headers, boolean mustBeRefused) {

    /** What a case makes bad. */
    public enum Kind { BODY, PATH, QUERY, HEADER }

    public SweepCase {
        headers = List.copyOf(headers);
    }

    /** The same case sent without a token. */
    public SweepCase asAnonymous() {
        return new SweepCase(operation, kind, name, true, target, contentType, body, headers, mustBeRefused);
    }

    /** {@code METHOD /template [name]} and who sent it, for reports. */
    public String describe() {
        return operation.name() + " [" + name + (anonymous ? ", anonymous" : "") + "]";
    }

    @Override
    public String toString() {
        return describe();
    }
}
