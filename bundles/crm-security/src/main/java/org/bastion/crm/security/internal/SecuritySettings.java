package org.bastion.crm.security.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.bastion.crm.security.internal.password.PasswordPolicy;
import org.bastion.crm.security.internal.throttle.LoginThrottleSettings;

/**
 * The validated settings of {@link SecurityConfiguration}: a value out of range is replaced by its default (and
 * logged), so a typo in the file never leaves authentication down.
 */
public record SecuritySettings(Duration sessionIdleTimeout, Duration sessionAbsoluteLifetime,
        Duration mfaChallengeLifetime, Set<String> mfaRequiredRoles, int passwordMinLength,
        LoginThrottleSettings throttle, Path adminPasswordFile) {

    private static final System.Logger LOG = System.getLogger(SecuritySettings.class.getName());

    /** The defaults of {@link SecurityConfiguration}. */
    public static final SecuritySettings DEFAULTS = new SecuritySettings(Duration.ofMinutes(30), Duration.ofHours(12),
            Duration.ofMinutes(5), Set.of("admin"), PasswordPolicy.DEFAULT_MINIMUM_LENGTH, LoginThrottleSettings.DEFAULTS,
            Path.of("data", "initial-admin-password"));

    public SecuritySettings {
        mfaRequiredRoles = Set.copyOf(mfaRequiredRoles);
    }

    /** Reads a configuration, falling back to the default for each value out of range. */
    public static SecuritySettings from(SecurityConfiguration c) {
        LoginThrottleSettings throttle;
        try {
            throttle = new LoginThrottleSettings(c.throttle_accountFailures(),
                    Duration.ofMinutes(c.throttle_firstLockoutMinutes()), Duration.ofMinutes(c.throttle_maxLockoutMinutes()),
                    Duration.ofMinutes(c.throttle_failureMemoryMinutes()), c.throttle_addressFailures(),
                    Duration.ofMinutes(c.throttle_addressWindowMinutes()), 100_000, 100_000);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Invalid throttle.* settings (" + e.getMessage() + "): using the defaults");
            throttle = LoginThrottleSettings.DEFAULTS;
        }
        return new SecuritySettings(
                Duration.ofMinutes(within("sessionIdleTimeoutMinutes", c.sessionIdleTimeoutMinutes(), 1, 24 * 60, 30)),
                Duration.ofHours(within("sessionAbsoluteLifetimeHours", c.sessionAbsoluteLifetimeHours(), 1, 24 * 30, 12)),
                Duration.ofSeconds(within("mfaChallengeSeconds", c.mfaChallengeSeconds(), 30, 3600, 300)),
                roles(c.mfaRequiredRoles()),
                within("passwordMinLength", c.passwordMinLength(), PasswordPolicy.LOWEST_ALLOWED_MINIMUM,
                        PasswordPolicy.MAXIMUM_LENGTH, PasswordPolicy.DEFAULT_MINIMUM_LENGTH),
                throttle, adminPasswordFile(c.adminPasswordFile()));
    }

    /** Whether holding {@code roles} requires two-factor login. */
    public boolean requiresTotp(Set<String> roles) {
        return roles.stream().anyMatch(mfaRequiredRoles::contains);
    }

    private static int within(String name, int value, int min, int max, int fallback) {
        if (value < min || value > max) {
            LOG.log(System.Logger.Level.WARNING, name + "=" + value + " is outside " + min + ".." + max
                    + ": using " + fallback);
            return fallback;
        }
        return value;
    }

    /** The role names of a list whose entries may also hold comma-separated names (as a .cfg file line does). */
    static Set<String> roles(String[] entries) {
        if (entries == null) {
            return Set.of();
        }
        return Arrays.stream(entries).flatMap(e -> Arrays.stream(e.split(",")))
                .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    static Path adminPasswordFile(String configured) {
        String value = configured == null || configured.isBlank()
                ? "${karaf.data}/initial-admin-password" : configured.strip();
        String data = System.getProperty("karaf.data", "data");
        return Path.of(value.replace("${karaf.data}", data));
    }
}
