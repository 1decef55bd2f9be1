package org.bastion.crm.monitor.internal.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The SMTP settings of the configuration, checked: e-mail is on when {@code smtpHost}, {@code mailFrom} and at least
 * one {@code mailTo} are set; {@code smtpSecurity} is {@code starttls} (required: no plain-text fallback),
 * {@code smtps} or {@code none}.
 */
record MailSettings(String host, int port, String security, String user, String password, String from,
        List<String> to) {

    /** The settings, or null when e-mail is off. */
    static MailSettings of(DeliveryConfiguration configuration) {
        List<String> to = Settings.list(configuration.mailTo());
        if (configuration.smtpHost().isBlank() || configuration.mailFrom().isBlank() || to.isEmpty()) {
            return null;
        }
        String security = configuration.smtpSecurity().trim().toLowerCase(Locale.ROOT);
        if (!List.of("starttls", "smtps", "none").contains(security)) {
            throw new IllegalArgumentException("smtpSecurity must be starttls, smtps or none, not '"
                    + configuration.smtpSecurity() + "'");
        }
        if (configuration.smtpPort() < 1 || configuration.smtpPort() > 65_535) {
            throw new IllegalArgumentException("smtpPort must be 1 to 65535, not " + configuration.smtpPort());
        }
        return new MailSettings(configuration.smtpHost().trim(), configuration.smtpPort(), security,
                configuration.smtpUser(), configuration.smtpPassword(), configuration.mailFrom().trim(), to);
    }

    /** The mail protocol: {@code smtps} or {@code smtp}. */
    String protocol() {
        return security.equals("smtps") ? "smtps" : "smtp";
    }

    /** The Jakarta Mail session properties (timeouts of a few seconds: an unreachable server fails fast). */
    Properties sessionProperties() {
        String prefix = "mail." + protocol() + ".";
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", protocol());
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", Integer.toString(port));
        properties.setProperty(prefix + "connectiontimeout", "5000");
        properties.setProperty(prefix + "timeout", "10000");
        properties.setProperty(prefix + "writetimeout", "10000");
        properties.setProperty(prefix + "auth", Boolean.toString(!user.isBlank()));
        if (security.equals("starttls")) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (!security.equals("none")) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    /** For health and the log: where, never the password. */
    String describe() {
        return security + "://" + host + ":" + port;
    }
}
