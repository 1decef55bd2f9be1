package org.bastion.crm.itests.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a user's authenticator app does in the tests: holds the TOTP secret from an enrolment and gives codes. The
 * server refuses a time step it has already accepted, so the app remembers the last step it gave out and, when that is
 * the current one, waits for the next step by polling the clock.
 */
public final class AuthenticatorApp {

    /** Longer than one step, so that waiting for a fresh step cannot time out on a healthy clock. */
    private static final Duration STEP_WAIT = Duration.ofSeconds(Totp.PERIOD_SECONDS + 10);

    private final String base32Secret;
    private final byte[] key;
    private long lastGivenStep = Long.MIN_VALUE;

    /** An app set up with the Base32 secret of an enrolment. */
    public AuthenticatorApp(String base32Secret) {
        this.base32Secret = base32Secret;
        this.key = Totp.base32Decode(base32Secret);
    }

    /** The Base32 secret as the enrolment gave it. */
    public String secret() {
        return base32Secret;
    }

    /** The length of the shared key in bytes. */
    public int keyBytes() {
        return key.length;
    }

    /**
     * A code of a time step not given out before by this app: the current step if it is fresh, else the next one
     * once the clock reaches it.
     */
    public synchronized String nextCode() {
        long step = Await.until("a TOTP time step after " + lastGivenStep, STEP_WAIT,
                () -> Totp.stepAt(Instant.now()), current -> current > lastGivenStep);
        lastGivenStep = step;
        return Totp.code(key, step);
    }

    /** The code of the step last given out by {@link #nextCode()} (to replay it); fails if none was given. */
    public synchronized String lastCode() {
        if (lastGivenStep == Long.MIN_VALUE) {
            throw new IllegalStateException("no code given out yet");
        }
        return Totp.code(key, lastGivenStep);
    }

    /** A well-formed 6-digit code that matches none of the steps the server accepts now (the current one ± 1). */
    public String wrongCode() {
        long current = Totp.stepAt(Instant.now());
        Set<String> valid = new TreeSet<>(List.of(Totp.code(key, current - 1), Totp.code(key, current),
                Totp.code(key, current + 1), Totp.code(key, current + 2)));
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", (candidate * 7919 + 123456) % 1_000_000);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }

    @Override
    public String toString() {
        return "AuthenticatorApp[secret=***]";
    }
}
