package org.bastion.crm.api.crypto;

/**
 * Whether the keys can be used, and why not.
 *
 * @param state the state
 * @param detail one line for operators: where the passphrase came from, or why the keys are locked; no secrets
 * @param masterVersion the current master key version, or 0 while locked
 */
public record KeyStatus(State state, String detail, int masterVersion) {

    /** The states of the key hierarchy. */
    public enum State {
        /** Unlocked with a passphrase the operator holds. */
        UNLOCKED,
        /** Unlocked, but the master key was generated at first boot and its passphrase sits beside it. */
        UNPROTECTED,
        /** Not usable: no personal data can be read or written until it is unlocked. */
        LOCKED
    }

    /** Whether the keys can be used. */
    public boolean usable() {
        return state != State.LOCKED;
    }
}
