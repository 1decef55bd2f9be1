package org.bastion.crm.security.internal.mfa;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.bastion.crm.security.internal.db.RecoveryCodeRepository;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.recovery.RecoveryCodes;
import org.bastion.crm.security.internal.totp.Base32;
import org.bastion.crm.security.internal.totp.Totp;
import org.bastion.crm.security.internal.user.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Checks a second factor of a user with TOTP on, and uses it up: a 6-digit TOTP code whose step is later than the last
 * one accepted (recorded with a conditional update, so two concurrent uses of one code cannot both pass), or an unused
 * recovery code (marked used likewise). Reading the TOTP secret needs the crypto keys: while they are locked it throws
 * {@link org.bastion.crm.api.crypto.KeysLockedException} (a 503), so users with TOTP cannot log in then.
 */
@Component(service = SecondFactor.class)
public final class SecondFactor {

    /** Which kind of code was accepted. */
    public enum Kind {
        TOTP, RECOVERY_CODE
    }

    private final UserStore users;
    private final Clock clock;

    @Activate
    public SecondFactor(@Reference UserStore users) {
        this(users, Clock.systemUTC());
    }

    public SecondFactor(UserStore users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    /** Accepts and uses up {@code code} for {@code user}; empty when it is wrong, used already, or TOTP is off. */
    public Optional<Kind> verifyAndUse(UserRow user, String code) {
        if (!user.totpEnabled() || user.totpSecretCiphertext() == null || code == null) {
            return Optional.empty();
        }
        String entered = code.strip();
        SecurityDatabase database = users.database();
        if (entered.length() == Totp.DIGITS && entered.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            OptionalLong step = matchingStep(user, entered);
            if (step.isPresent() && database.write(c -> UserRepository.advanceTotpStep(c, user.id(), step.getAsLong()))) {
                return Optional.of(Kind.TOTP);
            }
            return Optional.empty();
        }
        List<String> unused = database.read(c -> RecoveryCodeRepository.unused(c, user.id()));
        OptionalInt match = RecoveryCodes.match(entered, unused);
        if (match.isPresent() && database.write(c -> RecoveryCodeRepository.markUsed(c, user.id(),
                unused.get(match.getAsInt()), clock.instant()))) {
            return Optional.of(Kind.RECOVERY_CODE);
        }
        return Optional.empty();
    }

    /** The step a TOTP code matches for the user's confirmed secret, later than the last accepted. */
    private OptionalLong matchingStep(UserRow user, String code) {
        byte[] secret = secretOf(user);
        try {
            return Totp.matchingStep(secret, code, clock.instant(), user.lastTotpStepOrMin());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** The user's TOTP secret (enrolled or pending), decrypted. */
    public byte[] secretOf(UserRow user) {
        String base32 = users.existingCipher(user.id()).decrypt(UserStore.TOTP_FIELD, user.totpSecretCiphertext());
        return Base32.decode(base32);
    }
}
