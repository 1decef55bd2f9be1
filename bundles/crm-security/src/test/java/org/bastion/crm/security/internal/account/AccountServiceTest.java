package org.bastion.crm.security.internal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;

import javax.imageio.ImageIO;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.TotpEnrolment;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.security.internal.totp.Base32;
import org.junit.jupiter.api.Test;

class AccountServiceTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.1");

    @Test
    void meNeedsAnAuthenticatedCallerAndShowsTheDecryptedEmail() {
        User alice = f.createUser("alice");
        assertThatThrownBy(f.accounts::me).isInstanceOf(AuthenticationException.class);

        f.actAs(alice);

        assertThat(f.accounts.me().email()).isEqualTo("alice@example.org");
        assertThat(f.query("SELECT email_ct FROM crm_user")).asString().doesNotContain("alice@example.org");
    }

    @Test
    void enrolmentGivesASecretAUriAndAPngAndChangesNothingUntilConfirmed() throws Exception {
        User alice = f.createUser("alice");
        f.actAs(alice);

        TotpEnrolment enrolment = f.accounts.enrolTotp();

        assertThat(enrolment.secret()).hasSize(32);
        assertThat(enrolment.otpauthUri()).startsWith("otpauth://totp/").contains("secret=" + enrolment.secret());
        java.awt.image.BufferedImage image = ImageIO.read(new ByteArrayInputStream(enrolment.qrCodePng()));
        assertThat(image.getWidth()).isEqualTo(256);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        com.google.zxing.BinaryBitmap bitmap = new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                new com.google.zxing.RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new com.google.zxing.qrcode.QRCodeReader().decode(bitmap).getText()).isEqualTo(enrolment.otpauthUri());
        assertThat(f.accounts.me().totpEnabled()).isFalse();
        assertThat(f.query("SELECT totp_secret_ct FROM crm_user")).asString().doesNotContain(enrolment.secret());
        assertThat(f.authenticator.login("alice", SecurityFixture.PASSWORD, client).mfaRequired()).isFalse();
    }

    @Test
    void aWrongConfirmationCodeChangesNothing() {
        User alice = f.createUser("alice");
        f.actAs(alice);
        byte[] secret = Base32.decode(f.accounts.enrolTotp().secret());
        String wrong = f.codeNow(secret).equals("123456") ? "654321" : "123456";

        assertThatThrownBy(() -> f.accounts.confirmTotp(wrong)).isInstanceOf(ValidationException.class);

        assertThat(f.accounts.me().totpEnabled()).isFalse();
        assertThat(f.count("SELECT COUNT(*) FROM crm_recovery_code")).isZero();
        assertThat(f.events.of(SecurityEvents.TOTP_ENABLED)).isEmpty();
    }

    @Test
    void confirmingGivesTenRecoveryCodesStoredHashedAndLeavesTheEnrolmentSessionRestricted() {
        User root = f.createUser("root", SecurityRoles.ADMIN);
        LoginResult login = f.authenticator.login("root", SecurityFixture.PASSWORD, client);
        assertThat(login.totpEnrolmentRequired()).isTrue();
        f.caller = new Caller(root.id(), "root", java.util.Set.of(), true);
        byte[] secret = Base32.decode(f.accounts.enrolTotp().secret());

        List<String> codes = f.accounts.confirmTotp(f.codeNow(secret));

        assertThat(codes).hasSize(10).doesNotHaveDuplicates();
        assertThat(f.count("SELECT COUNT(*) FROM crm_recovery_code WHERE code_hash = ?", codes.get(0))).isZero();
        assertThat(f.accounts.me().totpEnabled()).isTrue();
        assertThat(f.accounts.me().recoveryCodesLeft()).isEqualTo(10);
        assertThat(f.events.last(SecurityEvents.TOTP_ENABLED).getProperty(SecurityEvents.USER_ID)).isEqualTo(root.id());
        var enrolmentSession = f.authenticator.authenticate(login.token(), client).orElseThrow();
        assertThat(enrolmentSession.totpEnrolmentOnly()).isTrue();
        assertThat(enrolmentSession.caller().roles()).isEmpty();
        assertThatThrownBy(f.accounts::enrolTotp).isInstanceOf(ConflictException.class);
        assertThat(f.authenticator.login("root", SecurityFixture.PASSWORD, client).mfaRequired()).isTrue();
    }

    @Test
    void removingTotpNeedsThePasswordAndAFreshCode() {
        User alice = f.createUser("alice");
        SecurityFixture.Enrolled totp = f.enableTotp(alice);
        f.actAs(alice);

        assertThatThrownBy(() -> f.accounts.removeTotp("wrong password!!", f.codeNow(totp.secret())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> f.accounts.removeTotp(SecurityFixture.PASSWORD, "000000".equals(
                f.codeNow(totp.secret())) ? "111111" : "000000")).isInstanceOf(ValidationException.class);
        assertThat(f.accounts.me().totpEnabled()).isTrue();

        f.accounts.removeTotp(SecurityFixture.PASSWORD, f.codeNow(totp.secret()));

        assertThat(f.accounts.me().totpEnabled()).isFalse();
        assertThat(f.count("SELECT COUNT(*) FROM crm_recovery_code")).isZero();
        assertThat(f.events.of(SecurityEvents.TOTP_DISABLED)).hasSize(1);
    }

    @Test
    void changingThePasswordEndsTheOtherSessionsOnly() {
        User alice = f.createUser("alice");
        String current = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        String other = f.authenticator.login("alice", SecurityFixture.PASSWORD, client).token();
        String currentId = f.authenticator.authenticate(current, client).orElseThrow().sessionId();
        f.authenticator.authenticate(other, client).orElseThrow();
        f.actAs(alice);

        f.accounts.changePassword(SecurityFixture.PASSWORD, "a brand new passphrase", currentId);

        assertThat(f.authenticator.authenticate(current, client)).isPresent();
        assertThat(f.authenticator.authenticate(other, client)).isEmpty();
        assertThat(f.events.of(SecurityEvents.PASSWORD_CHANGED)).hasSize(1);
        assertThatThrownBy(() -> f.authenticator.login("alice", SecurityFixture.PASSWORD, client))
                .isInstanceOf(AuthenticationException.class);
        assertThat(f.authenticator.login("alice", "a brand new passphrase", client).token()).isNotNull();
    }

    @Test
    void aBadPasswordChangeChangesNothingAndRepeatedGuessesLockTheAccount() {
        User alice = f.createUser("alice");
        f.actAs(alice);
        String hash = (String) f.query("SELECT password_hash FROM crm_user");

        assertThatThrownBy(() -> f.accounts.changePassword(SecurityFixture.PASSWORD, "short", null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(err -> err.field()).containsExactly("newPassword"));
        assertThatThrownBy(() -> f.accounts.changePassword(SecurityFixture.PASSWORD, "password1234", null))
                .isInstanceOf(ValidationException.class);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> f.accounts.changePassword("guess guess guess", "a brand new passphrase", null))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("currentPassword"));
        }

        assertThat(f.query("SELECT password_hash FROM crm_user")).isEqualTo(hash);
        assertThatThrownBy(() -> f.authenticator.login("alice", SecurityFixture.PASSWORD, client))
                .isInstanceOf(TooManyAttemptsException.class);
    }
}
