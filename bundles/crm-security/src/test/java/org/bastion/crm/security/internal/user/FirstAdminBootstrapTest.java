package org.bastion.crm.security.internal.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;

import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.security.internal.SecuritySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdminBootstrapTest {

    @TempDir
    Path data;

    private final ClientInfo client = SecurityFixture.client("127.0.0.1");

    @Test
    void thePasswordFromTheEnvironmentIsUsedAndNoFileIsWritten() {
        SecurityFixture f = fixture();

        boolean created = bootstrap(f, Map.of("CRM_ADMIN_PASSWORD", "an operator chosen passphrase")).createIfNoUser();

        assertThat(created).isTrue();
        assertThat(Files.exists(passwordFile())).isFalse();
        LoginResult login = f.authenticator.login("admin", "an operator chosen passphrase", client);
        assertThat(login.totpEnrolmentRequired()).isTrue();
        assertThat(f.users.rowByUsername("admin").orElseThrow().roles()).containsExactly(SecurityRoles.ADMIN);
        assertThat(f.events.last(SecurityEvents.USER_CREATED).getProperty(SecurityEvents.ACTOR)).isEqualTo("system");
    }

    @Test
    void aWeakPasswordFromTheEnvironmentCreatesNothing() {
        SecurityFixture f = fixture();

        boolean created = bootstrap(f, Map.of("CRM_ADMIN_PASSWORD", "admin")).createIfNoUser();

        assertThat(created).isFalse();
        assertThat(f.users.count()).isZero();
        assertThat(Files.exists(passwordFile())).isFalse();
    }

    @Test
    void withoutTheVariableARandomPasswordIsWrittenForTheOwnerOnly() throws Exception {
        SecurityFixture f = fixture();

        boolean created = bootstrap(f, Map.of()).createIfNoUser();

        assertThat(created).isTrue();
        String password = Files.readString(passwordFile(), StandardCharsets.UTF_8).strip();
        assertThat(password).hasSize(24).matches("[A-Za-z0-9]+");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile()))).isEqualTo("rw-------");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(passwordFile());
        }
        assertThat(f.authenticator.login("admin", password, client).token()).isNotNull();
    }

    @Test
    void anExistingUserOrFileIsNeverTouched() throws Exception {
        SecurityFixture f = fixture();
        assertThat(bootstrap(f, Map.of()).createIfNoUser()).isTrue();
        String first = Files.readString(passwordFile());

        assertThat(bootstrap(f, Map.of("CRM_ADMIN_PASSWORD", "an operator chosen passphrase")).createIfNoUser())
                .isFalse();
        assertThat(Files.readString(passwordFile())).isEqualTo(first);

        SecurityFixture fresh = fixture();
        assertThat(bootstrap(fresh, Map.of()).createIfNoUser()).isFalse();
        assertThat(fresh.users.count()).isZero();
        assertThat(Files.readString(passwordFile())).isEqualTo(first);
    }

    @Test
    void generatedPasswordsDiffer() {
        SecurityFixture f = fixture();
        FirstAdminBootstrap bootstrap = bootstrap(f, Map.of());

        assertThat(bootstrap.generatePassword()).isNotEqualTo(bootstrap.generatePassword());
    }

    private SecurityFixture fixture() {
        SecuritySettings d = SecuritySettings.DEFAULTS;
        return new SecurityFixture(new SecuritySettings(d.sessionIdleTimeout(), d.sessionAbsoluteLifetime(),
                d.mfaChallengeLifetime(), d.mfaRequiredRoles(), d.passwordMinLength(), d.throttle(), passwordFile()));
    }

    private Path passwordFile() {
        return data.resolve("initial-admin-password");
    }

    private static FirstAdminBootstrap bootstrap(SecurityFixture f, Map<String, String> environment) {
        return new FirstAdminBootstrap(f.users, f.policy, f.publisher, environment::get, new SecureRandom());
    }
}
