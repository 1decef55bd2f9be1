package org.bastion.crm.monitor.internal.delivery;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of alert delivery, PID {@value #PID}; every key applies live. */
@ObjectClassDefinition(name = "Bastion CRM alert delivery",
        description = "Where alerts go besides the log and EventAdmin: server-sent events, webhooks, e-mail.")
public @interface DeliveryConfiguration {

    /** The configuration's PID. */
    String PID = "org.bastion.crm.monitor.delivery";

    @AttributeDefinition(description = "Webhook URLs (https only; comma-separated); a non-https URL is refused")
    String[] webhookUrls() default {};

    @AttributeDefinition(description = "Secret of the HMAC-SHA256 signature (X-Bastion-Signature); webhooks are not"
            + " sent without one")
    String webhookSecret() default "";

    @AttributeDefinition(description = "PKCS12 file of certificates a webhook's server may present, besides the"
            + " JVM's default trust (for a private CA or a self-signed test receiver); empty for the default only")
    String webhookTrustStore() default "";

    @AttributeDefinition(description = "Password of webhookTrustStore")
    String webhookTrustStorePassword() default "";

    @AttributeDefinition(description = "SMTP server; e-mail is off while empty")
    String smtpHost() default "";

    @AttributeDefinition(description = "SMTP port")
    int smtpPort() default 587;

    @AttributeDefinition(description = "starttls (required), smtps (TLS from the first byte) or none (tests only)")
    String smtpSecurity() default "starttls";

    @AttributeDefinition(description = "SMTP user; no authentication while empty")
    String smtpUser() default "";

    @AttributeDefinition(description = "SMTP password")
    String smtpPassword() default "";

    @AttributeDefinition(description = "Sender address")
    String mailFrom() default "";

    @AttributeDefinition(description = "Recipient addresses (comma-separated)")
    String[] mailTo() default {};

    @AttributeDefinition(description = "Attempts per webhook or e-mail delivery before it is given up (with backoff"
            + " 1 s doubling to 60 s, the default 12 attempts span about 6 minutes)")
    int retryMaxAttempts() default 12;

    @AttributeDefinition(description = "Deliveries waiting for a retry, per channel, before new ones are refused")
    int retryQueueCapacity() default 1000;

    @AttributeDefinition(description = "Seconds between heartbeats on an idle alert stream (below Jetty's idle"
            + " timeout of 30 s)")
    int streamHeartbeatSeconds() default 15;

    @AttributeDefinition(description = "Events a stream client may have unsent before it is dropped as too slow")
    int streamBufferEvents() default 256;
}
