package org.bastion.crm.security.internal;

import java.util.Set;

import org.bastion.crm.security.internal.password.Argon2idHasher;
import org.bastion.crm.security.internal.password.CommonPasswords;
import org.bastion.crm.security.internal.password.PasswordPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The live settings of PID {@value SecurityConfiguration#PID} with the password hasher and password policy built from
 * them: the common-password list is read once, the policy rebuilt only when the minimum length changes.
 */
@Component(service = SecurityPolicy.class, configurationPid = SecurityConfiguration.PID)
@Designate(ocd = SecurityConfiguration.class)
public final class SecurityPolicy {

    private final Argon2idHasher hasher;
    private final Set<String> commonPasswords;
    private volatile SecuritySettings settings;
    private volatile PasswordPolicy passwordPolicy;

    @Activate
    public SecurityPolicy(SecurityConfiguration configuration) {
        this(SecuritySettings.from(configuration), new Argon2idHasher(), CommonPasswords.shipped());
    }

    /** A policy with explicit parts (tests use a cheap hasher and a short password list). */
    public SecurityPolicy(SecuritySettings settings, Argon2idHasher hasher, Set<String> commonPasswords) {
        this.hasher = hasher;
        this.commonPasswords = Set.copyOf(commonPasswords);
        apply(settings);
    }

    @Modified
    void modified(SecurityConfiguration configuration) {
        apply(SecuritySettings.from(configuration));
    }

    /** Applies new settings at once. */
    public synchronized void apply(SecuritySettings newSettings) {
        PasswordPolicy current = passwordPolicy;
        if (current == null || current.minimumLength() != newSettings.passwordMinLength()) {
            passwordPolicy = new PasswordPolicy(newSettings.passwordMinLength(), commonPasswords);
        }
        settings = newSettings;
    }

    /** The current settings. */
    public SecuritySettings settings() {
        return settings;
    }

    /** The password rules in force. */
    public PasswordPolicy passwordPolicy() {
        return passwordPolicy;
    }

    /** The argon2id hasher. */
    public Argon2idHasher hasher() {
        return hasher;
    }
}
