package org.bastion.crm.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginGuardAccountTest {

    @Test
    void aTypedUsernameBecomesALowerCaseKeyOfAtMost64Characters() {
        assertThat(LoginGuard.account("  Jane.Doe@Sales ")).isEqualTo("jane.doe@sales");
        assertThat(LoginGuard.account("x".repeat(70))).hasSize(64);
        assertThat(LoginGuard.account(" ")).isEqualTo(LoginGuard.EMPTY_ACCOUNT);
    }

    @Test
    void noTypedControlCharacterBidiOverrideOrBrokenUnicodeReachesTheKeyOrTheFailedLoginEvent() {
        assertThat(LoginGuard.account("admin\u001b[2J\u0000\u202Eevil\ud800")).isEqualTo("admin?[2j??evil?");
        assertThat(LoginGuard.account("x".repeat(63) + "😀")).isEqualTo("x".repeat(63) + "?");
    }
}
