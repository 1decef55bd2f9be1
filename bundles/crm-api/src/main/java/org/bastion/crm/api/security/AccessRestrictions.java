package org.bastion.crm.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Restrictions an administrator or an automatic response puts on an account or an address for a period, kept in the
 * database (every node applies them) and lifted by an administrator or when the period ends. Each change is audited.
 * Provided by crm-security; callers need {@code users:manage}.
 */
@ProviderType
public interface AccessRestrictions {

    /** One address refused until a time, and why. */
    record AddressRefusal(String address, Instant until, String reason, String by) {
    }

    /** Locks an account for {@code period}: it cannot log in, and its sessions end. */
    void lockAccount(String userId, Duration period, String reason);

    /** Refuses every request and login from {@code address} for {@code period}. */
    void refuseAddress(String address, Duration period, String reason);

    /** Lifts a refusal of {@code address}; answers whether there was one. */
    boolean allowAddress(String address);

    /** The addresses refused now. */
    List<AddressRefusal> refusedAddresses();
}
