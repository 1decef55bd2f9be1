package org.bastion.crm.security.internal.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;

import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.security.internal.db.UserRow;
import org.junit.jupiter.api.Test;

class SecondFactorTest {

    private final SecurityFixture f = new SecurityFixture();

    @Test
    void twoRequestsHoldingTheSameUserStateCannotBothUseOneTotpCode() {
        User user = f.createUser("racer");
        SecurityFixture.Enrolled totp = f.enableTotp(user);
        UserRow seenByBoth = f.users.require(user.id());
        String code = f.codeNow(totp.secret());

        assertThat(f.secondFactor.verifyAndUse(seenByBoth, code)).contains(SecondFactor.Kind.TOTP);
        assertThat(f.secondFactor.verifyAndUse(seenByBoth, code)).isEmpty();
    }

    @Test
    void twoRequestsCannotBothUseOneRecoveryCode() {
        User user = f.createUser("racer");
        SecurityFixture.Enrolled totp = f.enableTotp(user);
        UserRow row = f.users.require(user.id());

        assertThat(f.secondFactor.verifyAndUse(row, totp.recoveryCodes().get(0))).contains(SecondFactor.Kind.RECOVERY_CODE);
        assertThat(f.secondFactor.verifyAndUse(row, totp.recoveryCodes().get(0))).isEmpty();
    }

    @Test
    void nothingIsAcceptedWhileTotpIsOff() {
        User user = f.createUser("plain");
        assertThat(f.secondFactor.verifyAndUse(f.users.require(user.id()), "123456")).isEmpty();
    }

    @Test
    void challengesAreUnguessableAndStoredHashed() {
        MfaChallenges challenges = new MfaChallenges(f.clock, new SecureRandom());
        MfaChallenges.Issued issued = challenges.issue("u1", "192.0.2.1", Duration.ofMinutes(5));

        assertThat(issued.challenge()).hasSize(43);
        assertThat(issued.toString()).doesNotContain(issued.challenge());
        assertThat(challenges.take("x".repeat(43), "192.0.2.1")).isEmpty();
        assertThat(challenges.take(issued.challenge(), "192.0.2.1")).contains("u1");
        assertThat(challenges.size()).isZero();
    }
}
