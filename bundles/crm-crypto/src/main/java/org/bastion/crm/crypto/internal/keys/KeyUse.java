package org.bastion.crm.crypto.internal.keys;

/**
 * Something done with the raw bytes of a key, which it must neither keep nor change.
 *
 * @param <T> what it returns
 * @param <E> what it may throw
 */
@FunctionalInterface
public interface KeyUse<T, E extends Exception> {

    /** Uses {@code key}. */
    T apply(byte[] key) throws E;
}
