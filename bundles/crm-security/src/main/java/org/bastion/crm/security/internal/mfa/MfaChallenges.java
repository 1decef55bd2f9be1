package org.bastion.crm.security.internal.mfa;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bastion.crm.security.internal.session.SessionTokens;

/**
 * The challenges between the password and the second factor, in memory: 256 random bits handed out once, kept only as
 * SHA-256, bound to the user and the client address, usable once (a wrong code uses it up too) and only until expiry.
 */
public final class MfaChallenges {

    /** The most challenges pending at once; beyond it expired ones are dropped, then the oldest one. */
    static final int MAX_PENDING = 10_000;

    /** A challenge handed out. */
    public record Issued(String challenge, Instant expiresAt) {

        @Override
        public String toString() {
            return "Issued[expiresAt=" + expiresAt + "]";
        }
    }

    private record Pending(String userId, String address, Instant expiresAt) {
    }

    private final Clock clock;
    private final SessionTokens tokens;
    /** Oldest first; every access synchronizes on the map. */
    private final Map<String, Pending> pending = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pending> eldest) {
            return size() > MAX_PENDING;
        }
    });

    public MfaChallenges(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.tokens = new SessionTokens(random);
    }

    /** A new challenge for {@code userId} at {@code address}, valid for {@code lifetime}. */
    public Issued issue(String userId, String address, Duration lifetime) {
        Instant now = clock.instant();
        if (pending.size() >= MAX_PENDING) {
            pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
        }
        String challenge = tokens.newToken();
        Instant expiresAt = now.plus(lifetime);
        pending.put(SessionTokens.hash(challenge), new Pending(userId, address, expiresAt));
        return new Issued(challenge, expiresAt);
    }

    /**
     * Uses up a challenge: the user it was issued to, if it exists, has not expired and was issued to {@code address}.
     * It is gone afterwards whatever the answer.
     */
    public Optional<String> take(String challenge, String address) {
        if (!SessionTokens.isWellFormed(challenge)) {
            return Optional.empty();
        }
        Pending found = pending.remove(SessionTokens.hash(challenge));
        if (found == null || !clock.instant().isBefore(found.expiresAt()) || !found.address().equals(address)) {
            return Optional.empty();
        }
        return Optional.of(found.userId());
    }

    /** How many challenges are pending. */
    public int size() {
        return pending.size();
    }
}
