package org.bastion.crm.security.internal.login;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.bastion.crm.security.internal.db.LoginLockRepository;
import org.bastion.crm.security.internal.db.LoginLockRepository.Kind;
import org.bastion.crm.security.internal.db.LoginLockRepository.LoginLock;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.security.internal.throttle.LoginDecision;
import org.bastion.crm.security.internal.throttle.LoginDecision.LockScope;

/**
 * The brute-force locks as stored in {@code crm_login_lock}: written (committed) when a lock is set, before the
 * refused attempt is answered, and read before every credential check, so that neither a restart nor a crash lifts a
 * lock. Keys are stored as SHA-256 only: a password typed into the username field is never written to the database,
 * and any text (a NUL included) can be a key on PostgreSQL too.
 */
final class DurableLocks {

    private final SecurityDatabase database;
    private final Duration keepEndedFor;

    /** {@code keepEndedFor}: how long an ended lock's failures still count (the throttle's failure memory). */
    DurableLocks(SecurityDatabase database, Duration keepEndedFor) {
        this.database = database;
        this.keepEndedFor = keepEndedFor;
    }

    /** The stored lock holding back {@code account} or {@code address} now (the later end wins), or allowed. */
    LoginDecision decision(String account, String address, Instant now) {
        LoginDecision decision = LoginDecision.allowed();
        for (LoginLock lock : find(account, address)) {
            if (now.isBefore(lock.lockedUntil())
                    && (decision.isAllowed() || lock.lockedUntil().isAfter(decision.lockedUntil()))) {
                decision = LoginDecision.locked(lock.kind() == Kind.ACCOUNT ? LockScope.ACCOUNT : LockScope.ADDRESS,
                        lock.lockedUntil());
            }
        }
        return decision;
    }

    /** The stored lock of {@code account}, ended or not. */
    Optional<LoginLock> account(String account) {
        return find(account, "").stream().filter(lock -> lock.kind() == Kind.ACCOUNT).findFirst();
    }

    /** Stores the lock of {@code account} after its {@code failures}-th failure at {@code at}. */
    void lockAccount(String account, int failures, Instant at, Instant until) {
        put(new LoginLock(Kind.ACCOUNT, keyOf(account), failures, at, until), at);
    }

    /** Stores the lock of {@code address}, set at {@code at}. */
    void lockAddress(String address, Instant at, Instant until) {
        put(new LoginLock(Kind.ADDRESS, keyOf(address), 0, at, until), at);
    }

    /** Forgets the stored lock and failures of {@code account}. */
    void forgetAccount(String account) {
        String key = keyOf(account);
        database.write(c -> LoginLockRepository.delete(c, Kind.ACCOUNT, key));
    }

    private void put(LoginLock lock, Instant now) {
        database.write(c -> {
            LoginLockRepository.deleteEndedBefore(c, now.minus(keepEndedFor));
            LoginLockRepository.put(c, lock);
            return null;
        });
    }

    private List<LoginLock> find(String account, String address) {
        String accountKey = keyOf(account);
        String addressKey = keyOf(address);
        return database.read(c -> LoginLockRepository.find(c, accountKey, addressKey));
    }

    /** The stored form of an account or address: hex SHA-256 of its UTF-8 bytes. */
    static String keyOf(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
