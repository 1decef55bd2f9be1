package org.bastion.crm.itests.checks.permissions;

import java.util.ArrayDeque;
import java.util.Deque;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.CrmApi;
import org.bastion.crm.itests.support.CrmUsers;
import org.bastion.crm.itests.support.Enrolment;
import org.bastion.crm.itests.support.Logins;
import org.bastion.crm.itests.support.TestUser;

/**
 * A CRM user a check created through {@code POST /users} with given roles, enrolled in TOTP as a real user would be,
 * and logged in with a recovery code (no wait for a fresh TOTP step); further sessions take further recovery codes.
 */
public final class EnrolledUser {

    private final TestUser user;
    private final Logins logins;
    private final Deque<String> recoveryCodes;
    private final String token;

    private EnrolledUser(TestUser user, Logins logins, Enrolment enrolment) {
        this.user = user;
        this.logins = logins;
        this.recoveryCodes = new ArrayDeque<>(enrolment.recoveryCodes());
        this.token = logins.tokenWithCode(user.username(), user.password(), recoveryCodes.pop());
    }

    /** Creates a user with {@code roles} as the admin of {@code admin}, enrols TOTP and logs in. */
    public static EnrolledUser create(CrmApi admin, ApiClients clients, String prefix, String... roles) {
        TestUser user = new CrmUsers(admin).create(prefix, roles);
        Logins logins = new Logins(clients);
        Enrolment enrolment = logins.enrol(logins.token(user.username(), user.password()));
        return new EnrolledUser(user, logins, enrolment);
    }

    /** The user's id (the owner id of records). */
    public String id() {
        return user.id();
    }

    /** The login name. */
    public String username() {
        return user.username();
    }

    /** The user as created. */
    public TestUser user() {
        return user;
    }

    /** The token of the session opened at creation. */
    public String token() {
        return token;
    }

    /** A client of the session opened at creation. */
    public CrmApi api() {
        return logins.session(token);
    }

    /** An unused recovery code (each completes one login). */
    public synchronized String nextRecoveryCode() {
        if (recoveryCodes.isEmpty()) {
            throw new IllegalStateException("no recovery code left for " + user);
        }
        return recoveryCodes.pop();
    }

    /** The token of a new, separate session of this user. */
    public String newSessionToken() {
        return logins.tokenWithCode(user.username(), user.password(), nextRecoveryCode());
    }

    @Override
    public String toString() {
        return "EnrolledUser[" + user.username() + "]";
    }
}
