package org.bastion.crm.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.time.Duration;

import org.bastion.crm.security.internal.throttle.LoginThrottleSettings;
import org.junit.jupiter.api.Test;

class SecuritySettingsTest {

    @Test
    void theDefaultsMatchTheContract() {
        SecuritySettings settings = SecuritySettings.from(new Config());

        assertThat(settings.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.sessionAbsoluteLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(settings.mfaChallengeLifetime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.mfaRequiredRoles()).containsExactly("admin");
        assertThat(settings.passwordMinLength()).isEqualTo(12);
        assertThat(settings.throttle()).isEqualTo(LoginThrottleSettings.DEFAULTS);
    }

    @Test
    void outOfRangeValuesFallBackToTheirDefaults() {
        Config config = new Config();
        config.idle = 0;
        config.minLength = 4;
        config.accountFailures = -1;

        SecuritySettings settings = SecuritySettings.from(config);

        assertThat(settings.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.passwordMinLength()).isEqualTo(12);
        assertThat(settings.throttle()).isEqualTo(LoginThrottleSettings.DEFAULTS);
    }

    @Test
    void rolesMayBeListedWithCommasAndKarafDataIsResolved() {
        assertThat(SecuritySettings.roles(new String[] {"admin, DPO", "auditor"}))
                .containsExactlyInAnyOrder("admin", "dpo", "auditor");
        String before = System.getProperty("karaf.data");
        System.setProperty("karaf.data", "/srv/crm/data");
        try {
            assertThat(SecuritySettings.adminPasswordFile("${karaf.data}/initial-admin-password"))
                    .isEqualTo(Path.of("/srv/crm/data/initial-admin-password"));
        } finally {
            if (before == null) {
                System.clearProperty("karaf.data");
            } else {
                System.setProperty("karaf.data", before);
            }
        }
    }

    @Test
    void aChangedMinimumLengthAppliesLive() {
        SecurityPolicy policy = new SecurityPolicy(SecuritySettings.DEFAULTS,
                new org.bastion.crm.security.internal.password.Argon2idHasher(new java.security.SecureRandom(),
                        SecurityFixture.CHEAP), SecurityFixture.COMMON);
        Config config = new Config();
        config.minLength = 16;

        policy.modified(config);

        assertThat(policy.passwordPolicy().minimumLength()).isEqualTo(16);
    }

    /** A configuration with the defaults, some of which a test changes. */
    private static final class Config implements SecurityConfiguration {
        int idle = 30;
        int minLength = 12;
        int accountFailures = 5;

        @Override
        public Class<? extends Annotation> annotationType() {
            return SecurityConfiguration.class;
        }

        @Override
        public int sessionIdleTimeoutMinutes() {
            return idle;
        }

        @Override
        public int sessionAbsoluteLifetimeHours() {
            return 12;
        }

        @Override
        public int mfaChallengeSeconds() {
            return 300;
        }

        @Override
        public String[] mfaRequiredRoles() {
            return new String[] {"admin"};
        }

        @Override
        public int passwordMinLength() {
            return minLength;
        }

        @Override
        public int throttle_accountFailures() {
            return accountFailures;
        }

        @Override
        public int throttle_firstLockoutMinutes() {
            return 1;
        }

        @Override
        public int throttle_maxLockoutMinutes() {
            return 15;
        }

        @Override
        public int throttle_failureMemoryMinutes() {
            return 60;
        }

        @Override
        public int throttle_addressFailures() {
            return 20;
        }

        @Override
        public int throttle_addressWindowMinutes() {
            return 10;
        }

        @Override
        public String adminPasswordFile() {
            return "${karaf.data}/initial-admin-password";
        }
    }
}
