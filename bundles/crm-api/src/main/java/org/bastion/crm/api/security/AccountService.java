package org.bastion.crm.api.security;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What authenticated users do with their own account: see it, set up or remove two-factor login, change the
 * password. Acts on the current caller; an anonymous caller gets {@link AuthenticationException}.
 */
@ProviderType
public interface AccountService {

    /** The current caller's account. */
    User me();

    /** Starts (or restarts) TOTP enrolment with a fresh secret; refused if TOTP is already on. */
    TotpEnrolment enrolTotp();

    /**
     * Switches two-factor login on after the user proves the app works with a current {@code code}; returns the ten
     * recovery codes, shown this once and stored only as hashes. A wrong code changes nothing.
     */
    List<String> confirmTotp(String code);

    /** Switches two-factor login off; needs the password and a current TOTP or recovery code. */
    void removeTotp(String password, String code);

    /**
     * Changes the password after checking the current one; ends every other session of the user, keeping only
     * {@code keepSessionId} (may be null to end all).
     */
    void changePassword(String currentPassword, String newPassword, String keepSessionId);
}
