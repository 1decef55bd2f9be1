package org.bastion.crm.crypto.internal.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The bytes of one secret key (master, data or record key), lent out under a read lock and wiped under the write lock,
 * so that a key is never wiped half-way through a use and never used after it was wiped.
 *
 * <p>Wiping zeroes this object's array only. Java cannot wipe the copies the cryptographic libraries make from it:
 * a {@code SecretKeySpec} clones the bytes, the JDK's AES and HMAC keep expanded key schedules inside their
 * {@code Cipher}/{@code Mac} objects until re-initialised, and Bouncy Castle's {@code KeyParameter} and AES engine do
 * the same. Those copies are short-lived garbage (or overwritten by the next key a thread uses) and are collected,
 * not zeroed.
 */
public final class KeyMaterial {

    /** The length of every key: 256 bits. */
    public static final int LENGTH = 32;

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(KeyMaterial::drbg);

    private final byte[] bytes;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean wiped;

    /** Takes ownership of {@code bytes}: the caller must not use or keep them afterwards. */
    public KeyMaterial(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A new random 256-bit key. */
    public static KeyMaterial random() {
        byte[] bytes = new byte[LENGTH];
        RANDOM.get().nextBytes(bytes);
        return new KeyMaterial(bytes);
    }

    /** Fills {@code target} with random bytes from this thread's DRBG. */
    public static void randomBytes(byte[] target) {
        RANDOM.get().nextBytes(target);
    }

    /**
     * Lends the bytes to {@code use}.
     *
     * @throws KeyWipedException when the key was wiped
     */
    public <T, E extends Exception> T use(KeyUse<T, E> use) throws E {
        lock.readLock().lock();
        try {
            if (wiped) {
                throw new KeyWipedException();
            }
            return use.apply(bytes);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Zeroes the bytes once every use in progress has finished; later uses throw {@link KeyWipedException}. */
    public void wipe() {
        lock.writeLock().lock();
        try {
            Arrays.fill(bytes, (byte) 0);
            wiped = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether {@link #wipe()} ran. */
    public boolean wiped() {
        lock.readLock().lock();
        try {
            return wiped;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether a thread waits for the lock (a wipe waiting for a use to end); for tests. */
    boolean lockQueued() {
        return lock.hasQueuedThreads();
    }

    private static SecureRandom drbg() {
        try {
            // one DRBG per thread: SecureRandom's default on Linux serialises every caller on one lock
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** Thrown when a wiped key is used: it was evicted, destroyed or locked meanwhile. */
    public static final class KeyWipedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public KeyWipedException() {
            super("the key was wiped", null, false, false);
        }
    }
}
