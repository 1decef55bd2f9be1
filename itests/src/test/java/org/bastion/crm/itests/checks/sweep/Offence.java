package org.bastion.crm.itests.checks.sweep;

/**
 * One answer the sweep does not accept: the case, what was sent, what came back and why it offends.
 *
 * @param sweepCase the case
 * @param status the status answered, or 0 when no answer came
 * @param reason why it offends: a 5xx, what a body or header reveals, an accepted bad body, or no answer
 * @param excerpt the start of the body (or the failure), control characters escaped
 */
public record Offence(SweepCase sweepCase, int status, String reason, String excerpt) {

    private static final int TARGET_CHARS = 120;
    private static final int EXCERPT_CHARS = 200;

    /** An offence with an excerpt cut from {@code text}. */
    static Offence of(SweepCase sweepCase, int status, String reason, String text) {
        return new Offence(sweepCase, status, reason, excerpt(text));
    }

    /** One line for the report: method, path, case, status, reason and excerpt. */
    public String line() {
        String target = sweepCase.target();
        if (target.length() > TARGET_CHARS) {
            target = target.substring(0, TARGET_CHARS) + "...(" + target.length() + " chars)";
        }
        return sweepCase.operation().method() + " " + target + " [" + sweepCase.name()
                + (sweepCase.anonymous() ? ", anonymous" : "") + "] -> " + (status == 0 ? "no answer" : status)
                + ": " + reason + " | " + excerpt;
    }

    static String excerpt(String text) {
        if (text == null) {
            return "";
        }
        String cut = text.length() > EXCERPT_CHARS ? text.substring(0, EXCERPT_CHARS) + "..." : text;
        StringBuilder escaped = new StringBuilder();
        cut.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
