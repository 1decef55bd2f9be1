package org.bastion.crm.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of authentication, PID {@value #PID} ({@code etc/org.bastion.crm.security.cfg}); applied live. */
@ObjectClassDefinition(id = SecurityConfiguration.PID, name = "Bastion CRM authentication",
        description = "Sessions, two-factor policy, password length and brute-force throttling.")
public @interface SecurityConfiguration {

    /** The configuration PID. */
    String PID = "org.bastion.crm.security";

    @AttributeDefinition(name = "Session idle timeout (minutes)",
            description = "A session ends when it has not been used for this long.")
    int sessionIdleTimeoutMinutes() default 30;

    @AttributeDefinition(name = "Session absolute lifetime (hours)",
            description = "A session ends this long after the login, however much it is used.")
    int sessionAbsoluteLifetimeHours() default 12;

    @AttributeDefinition(name = "Two-factor challenge lifetime (seconds)",
            description = "How long a user has to enter the code after the password.")
    int mfaChallengeSeconds() default 300;

    @AttributeDefinition(name = "Roles requiring two-factor login",
            description = "Users holding any of these roles must use TOTP; until they enrol they may only enrol.")
    String[] mfaRequiredRoles() default {"admin"};

    @AttributeDefinition(name = "Minimum password length",
            description = "At least 8 (NIST SP 800-63B), at most 128.")
    int passwordMinLength() default 12;

    @AttributeDefinition(name = "Failures before an account lock",
            description = "Failed logins of one account after which it is locked.")
    int throttle_accountFailures() default 5;

    @AttributeDefinition(name = "First lock (minutes)",
            description = "How long the first lock lasts; each further failure doubles it.")
    int throttle_firstLockoutMinutes() default 1;

    @AttributeDefinition(name = "Longest lock (minutes)", description = "The doubling stops here.")
    int throttle_maxLockoutMinutes() default 15;

    @AttributeDefinition(name = "Failure memory (minutes)",
            description = "An account's failures are forgotten this long after the last one.")
    int throttle_failureMemoryMinutes() default 60;

    @AttributeDefinition(name = "Failures per address",
            description = "Failed logins from one address, across accounts, after which the address is refused.")
    int throttle_addressFailures() default 20;

    @AttributeDefinition(name = "Address window (minutes)",
            description = "The sliding window of the per-address limit.")
    int throttle_addressWindowMinutes() default 10;

    @AttributeDefinition(name = "Initial admin password file",
            description = "Where the random password of the first admin is written on first start (owner-only);"
                    + " ${karaf.data} stands for Karaf's data folder.")
    String adminPasswordFile() default "${karaf.data}/initial-admin-password";
}
