package org.bastion.crm.security.internal.login;

/** Opens the login guard's stored-lock key to tests of other packages. */
public final class LockKeys {

    private LockKeys() {
    }

    /** The key {@code crm_login_lock} stores for {@code text}. */
    public static String keyOf(String text) {
        return DurableLocks.keyOf(text);
    }
}
