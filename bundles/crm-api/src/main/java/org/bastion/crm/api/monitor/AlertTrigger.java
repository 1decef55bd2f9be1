package org.bastion.crm.api.monitor;

import java.util.Objects;

/**
 * What a rule answers when an entry triggers it: the subject the alert is about (an account, an address: entries of
 * one rule and subject fold into one open alert), its severity and a one-line summary without personal data.
 *
 * @param subject such as {@code user:<id>} or {@code address:203.0.113.9}, 1 to 200 characters
 * @param severity how urgent it is
 * @param summary one line for people, at most 500 characters
 */
public record AlertTrigger(String subject, AlertSeverity severity, String summary) {

    public AlertTrigger {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        if (subject.isEmpty() || subject.length() > 200) {
            throw new IllegalArgumentException("subject must have 1 to 200 characters");
        }
        if (summary.length() > 500) {
            throw new IllegalArgumentException("summary must have at most 500 characters");
        }
    }
}
