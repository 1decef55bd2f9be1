package org.bastion.crm.monitor.internal.delivery;

/** The subject and text of an alert's e-mail. */
final class AlertMail {

    private AlertMail() {
    }

    /** {@code [Bastion CRM] HIGH alert failed-logins: user:42}. */
    static String subject(AlertMessage message) {
        return "[Bastion CRM] " + String.valueOf(message.severity()).toUpperCase(java.util.Locale.ROOT) + " alert "
                + message.rule() + ": " + message.subject();
    }

    /** A few lines for people, then the alert as JSON. */
    static String body(AlertMessage message) {
        return message.summary() + "\n\n"
                + "Alert:    " + message.id() + "\n"
                + "Rule:     " + message.rule() + "\n"
                + "Severity: " + message.severity() + "\n"
                + "Subject:  " + message.subject() + "\n"
                + "Raised:   " + message.raisedAt() + "\n"
                + "Entries:  " + message.count() + " (audit sequence " + message.firstSequence() + " to "
                + message.lastSequence() + ")\n"
                + "Responses: " + (message.responses().isEmpty() ? "none" : String.join(", ", message.responses()))
                + "\n\nAcknowledge or resolve it under /api/v1/alerts.\n\n" + message.toJson() + "\n";
    }
}
