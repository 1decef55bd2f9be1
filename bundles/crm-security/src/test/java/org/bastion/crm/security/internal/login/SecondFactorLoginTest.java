package org.bastion.crm.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.bastion.crm.api.crypto.KeysLockedException;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.security.internal.totp.Totp;
import org.junit.jupiter.api.Test;

class SecondFactorLoginTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.1");

    @Test
    void aUserWithTotpGetsAChallengeThenASessionForTheCurrentCode() {
        User admin = f.createUser("boss", SecurityRoles.ADMIN);
        SecurityFixture.Enrolled totp = f.enableTotp(admin);

        LoginResult first = f.authenticator.login("boss", SecurityFixture.PASSWORD, client);
        assertThat(first.mfaRequired()).isTrue();
        assertThat(first.token()).isNull();
        assertThat(first.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(f.count("SELECT COUNT(*) FROM crm_session")).isZero();

        LoginResult second = f.authenticator.completeMfa(first.challenge(), f.codeNow(totp.secret()), client);

        assertThat(second.token()).isNotNull();
        assertThat(second.totpEnrolmentRequired()).isFalse();
        assertThat(f.authenticator.authenticate(second.token(), client).orElseThrow().caller().roles())
                .containsExactly(SecurityRoles.ADMIN);
    }

    @Test
    void aTotpCodeIsAcceptedOnlyOnce() {
        User user = f.createUser("replay");
        SecurityFixture.Enrolled totp = f.enableTotp(user);
        String code = f.codeNow(totp.secret());
        LoginResult first = f.authenticator.login("replay", SecurityFixture.PASSWORD, client);
        f.authenticator.completeMfa(first.challenge(), code, client);

        LoginResult again = f.authenticator.login("replay", SecurityFixture.PASSWORD, client);
        assertThatThrownBy(() -> f.authenticator.completeMfa(again.challenge(), code, client))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
        assertThat(f.events.last(SecurityEvents.LOGIN_FAILED).getProperty(SecurityEvents.REASON)).isEqualTo("bad-code");

        f.clock.advance(Duration.ofSeconds(Totp.PERIOD_SECONDS));
        LoginResult later = f.authenticator.login("replay", SecurityFixture.PASSWORD, client);
        assertThat(f.authenticator.completeMfa(later.challenge(), f.codeNow(totp.secret()), client).token()).isNotNull();
    }

    @Test
    void theCodeUsedToConfirmEnrolmentCannotBeReplayed() {
        User user = f.createUser("confirmer");
        f.actAs(user);
        byte[] secret = org.bastion.crm.security.internal.totp.Base32.decode(f.accounts.enrolTotp().secret());
        String code = f.codeNow(secret);
        f.accounts.confirmTotp(code);

        LoginResult first = f.authenticator.login("confirmer", SecurityFixture.PASSWORD, client);
        assertThatThrownBy(() -> f.authenticator.completeMfa(first.challenge(), code, client))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aRecoveryCodeWorksOnceAndIsPublished() {
        User user = f.createUser("lost-phone");
        SecurityFixture.Enrolled totp = f.enableTotp(user);
        String recovery = totp.recoveryCodes().get(3);

        LoginResult first = f.authenticator.login("lost-phone", SecurityFixture.PASSWORD, client);
        assertThat(f.authenticator.completeMfa(first.challenge(), recovery.toUpperCase(), client).token()).isNotNull();
        assertThat(f.events.last(SecurityEvents.RECOVERY_CODE_USED).getProperty(SecurityEvents.USER_ID))
                .isEqualTo(user.id());
        f.actAs(user);
        assertThat(f.accounts.me().recoveryCodesLeft()).isEqualTo(9);

        LoginResult again = f.authenticator.login("lost-phone", SecurityFixture.PASSWORD, client);
        assertThatThrownBy(() -> f.authenticator.completeMfa(again.challenge(), recovery, client))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void aChallengeIsSingleUseEvenAfterAWrongCode() {
        User user = f.createUser("typo");
        SecurityFixture.Enrolled totp = f.enableTotp(user);
        LoginResult first = f.authenticator.login("typo", SecurityFixture.PASSWORD, client);

        assertThatThrownBy(() -> f.authenticator.completeMfa(first.challenge(), "000000".equals(f.codeNow(totp.secret()))
                ? "111111" : "000000", client)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> f.authenticator.completeMfa(first.challenge(), f.codeNow(totp.secret()), client))
                .isInstanceOf(AuthenticationException.class);
        assertThat(f.events.last(SecurityEvents.LOGIN_FAILED).getProperty(SecurityEvents.REASON))
                .isEqualTo("bad-challenge");
    }

    @Test
    void aChallengeExpires() {
        User user = f.createUser("slow");
        SecurityFixture.Enrolled totp = f.enableTotp(user);
        LoginResult first = f.authenticator.login("slow", SecurityFixture.PASSWORD, client);

        f.clock.advance(Duration.ofMinutes(5));

        assertThatThrownBy(() -> f.authenticator.completeMfa(first.challenge(), f.codeNow(totp.secret()), client))
                .isInstanceOf(AuthenticationException.class).hasMessage(AuthenticationException.LOGIN_FAILED);
        assertThat(f.count("SELECT COUNT(*) FROM crm_session")).isZero();
    }

    @Test
    void aChallengeIsBoundToTheAddressItWasIssuedTo() {
        User user = f.createUser("moved");
        SecurityFixture.Enrolled totp = f.enableTotp(user);
        LoginResult first = f.authenticator.login("moved", SecurityFixture.PASSWORD, client);

        assertThatThrownBy(() -> f.authenticator.completeMfa(first.challenge(), f.codeNow(totp.secret()),
                SecurityFixture.client("203.0.113.5"))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void wrongCodesCountTowardsTheAccountLock() {
        User user = f.createUser("guesser");
        f.enableTotp(user);
        for (int i = 0; i < 5; i++) {
            LoginResult first = f.authenticator.login("guesser", SecurityFixture.PASSWORD, client);
            assertThatThrownBy(() -> f.authenticator.completeMfa(first.challenge(), "not-a-code", client))
                    .isInstanceOf(AuthenticationException.class);
        }
        assertThatThrownBy(() -> f.authenticator.login("guesser", SecurityFixture.PASSWORD, client))
                .isInstanceOf(org.bastion.crm.api.security.TooManyAttemptsException.class);
    }

    @Test
    void whileTheKeysAreLockedTotpUsersCannotCompleteTheirLogin() {
        User user = f.createUser("locked-out");
        SecurityFixture.Enrolled totp = f.enableTotp(user);
        LoginResult first = f.authenticator.login("locked-out", SecurityFixture.PASSWORD, client);

        f.cipher.locked(true);

        assertThatThrownBy(() -> f.authenticator.completeMfa(first.challenge(), f.codeNow(totp.secret()), client))
                .isInstanceOf(KeysLockedException.class);
    }
}
