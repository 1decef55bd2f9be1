package org.bastion.crm.monitor.internal.config;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * PID {@code org.bastion.crm.monitor}: the built-in rules' thresholds, severities and automatic responses, applied
 * live; keys are {@code <rule>.<setting>} (a method name's {@code $_$} stands for '-', {@code _} for '.').
 */
@ObjectClassDefinition(id = "org.bastion.crm.monitor", name = "Bastion CRM monitoring",
        description = "Thresholds, severities and automatic responses of the monitoring rules. A wrong value (unknown "
                + "rule or setting, a threshold of 0 or below) is refused whole: the rules in force stay.")
public @interface MonitorConfiguration {

    @AttributeDefinition(name = "Mark retention (hours)", description = "How long window marks are kept")
    long markRetentionHours() default 24;

    @AttributeDefinition(name = "failed-logins: enabled", description = "Failed logins for one account: evaluated or not")
    boolean failed$_$logins_enabled() default true;

    @AttributeDefinition(name = "failed-logins: severity", description = "low, medium, high or critical")
    String failed$_$logins_severity() default "high";

    @AttributeDefinition(name = "failed-logins: threshold", description = "How many raise an alert (a whole number above 0)")
    long failed$_$logins_threshold() default 5;

    @AttributeDefinition(name = "failed-logins: window (seconds)", description = "The time the threshold counts within")
    long failed$_$logins_windowSeconds() default 300;

    @AttributeDefinition(name = "failed-logins: responses", description = "Comma-separated: lock-account, end-sessions, refuse-address; empty for none", required = false)
    String failed$_$logins_responses() default "";

    @AttributeDefinition(name = "failed-logins: response period (minutes)", description = "How long a lock or a refusal lasts")
    long failed$_$logins_responseMinutes() default 30;

    @AttributeDefinition(name = "credential-stuffing: enabled", description = "Failed logins across distinct accounts from one address: evaluated or not")
    boolean credential$_$stuffing_enabled() default true;

    @AttributeDefinition(name = "credential-stuffing: severity", description = "low, medium, high or critical")
    String credential$_$stuffing_severity() default "critical";

    @AttributeDefinition(name = "credential-stuffing: threshold", description = "How many raise an alert (a whole number above 0)")
    long credential$_$stuffing_threshold() default 5;

    @AttributeDefinition(name = "credential-stuffing: window (seconds)", description = "The time the threshold counts within")
    long credential$_$stuffing_windowSeconds() default 600;

    @AttributeDefinition(name = "credential-stuffing: responses", description = "Comma-separated: lock-account, end-sessions, refuse-address; empty for none", required = false)
    String credential$_$stuffing_responses() default "";

    @AttributeDefinition(name = "credential-stuffing: response period (minutes)", description = "How long a lock or a refusal lasts")
    long credential$_$stuffing_responseMinutes() default 30;

    @AttributeDefinition(name = "mass-read: enabled", description = "Contacts one user reads (any export alerts at once): evaluated or not")
    boolean mass$_$read_enabled() default true;

    @AttributeDefinition(name = "mass-read: severity", description = "low, medium, high or critical")
    String mass$_$read_severity() default "high";

    @AttributeDefinition(name = "mass-read: threshold", description = "How many raise an alert (a whole number above 0)")
    long mass$_$read_threshold() default 100;

    @AttributeDefinition(name = "mass-read: window (seconds)", description = "The time the threshold counts within")
    long mass$_$read_windowSeconds() default 600;

    @AttributeDefinition(name = "mass-read: responses", description = "Comma-separated: lock-account, end-sessions, refuse-address; empty for none", required = false)
    String mass$_$read_responses() default "";

    @AttributeDefinition(name = "mass-read: response period (minutes)", description = "How long a lock or a refusal lasts")
    long mass$_$read_responseMinutes() default 30;

    @AttributeDefinition(name = "privilege-change: enabled", description = "Someone gains admin or a role holding *: evaluated or not")
    boolean privilege$_$change_enabled() default true;

    @AttributeDefinition(name = "privilege-change: severity", description = "low, medium, high or critical")
    String privilege$_$change_severity() default "high";

    @AttributeDefinition(name = "privilege-change: responses", description = "Comma-separated: lock-account, end-sessions, refuse-address; empty for none", required = false)
    String privilege$_$change_responses() default "";

    @AttributeDefinition(name = "privilege-change: response period (minutes)", description = "How long a lock or a refusal lasts")
    long privilege$_$change_responseMinutes() default 30;

    @AttributeDefinition(name = "off-hours-admin: enabled", description = "Administrative actions outside working hours: evaluated or not")
    boolean off$_$hours$_$admin_enabled() default true;

    @AttributeDefinition(name = "off-hours-admin: severity", description = "low, medium, high or critical")
    String off$_$hours$_$admin_severity() default "medium";

    @AttributeDefinition(name = "off-hours-admin: responses", description = "Comma-separated: lock-account, end-sessions, refuse-address; empty for none", required = false)
    String off$_$hours$_$admin_responses() default "";

    @AttributeDefinition(name = "off-hours-admin: response period (minutes)", description = "How long a lock or a refusal lasts")
    long off$_$hours$_$admin_responseMinutes() default 30;

    @AttributeDefinition(name = "off-hours-admin: working hours start", description = "HH:mm, inclusive")
    String off$_$hours$_$admin_start() default "07:00";

    @AttributeDefinition(name = "off-hours-admin: working hours end", description = "HH:mm, exclusive; before the start spans midnight")
    String off$_$hours$_$admin_end() default "20:00";

    @AttributeDefinition(name = "off-hours-admin: time zone", description = "Such as UTC or Europe/Paris")
    String off$_$hours$_$admin_zone() default "UTC";

    @AttributeDefinition(name = "new-address: enabled", description = "A login from an address never seen for that user: evaluated or not")
    boolean new$_$address_enabled() default true;

    @AttributeDefinition(name = "new-address: severity", description = "low, medium, high or critical")
    String new$_$address_severity() default "medium";

    @AttributeDefinition(name = "new-address: responses", description = "Comma-separated: lock-account, end-sessions, refuse-address; empty for none", required = false)
    String new$_$address_responses() default "";

    @AttributeDefinition(name = "new-address: response period (minutes)", description = "How long a lock or a refusal lasts")
    long new$_$address_responseMinutes() default 30;

    @AttributeDefinition(name = "audit-tampering: enabled", description = "An audit verification that fails: evaluated or not")
    boolean audit$_$tampering_enabled() default true;

    @AttributeDefinition(name = "audit-tampering: severity", description = "low, medium, high or critical")
    String audit$_$tampering_severity() default "critical";

    @AttributeDefinition(name = "audit-tampering: responses", description = "Comma-separated: lock-account, end-sessions, refuse-address; empty for none", required = false)
    String audit$_$tampering_responses() default "";

    @AttributeDefinition(name = "audit-tampering: response period (minutes)", description = "How long a lock or a refusal lasts")
    long audit$_$tampering_responseMinutes() default 30;
}
