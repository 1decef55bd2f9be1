package org.bastion.crm.security.internal.jaas;

import java.util.Optional;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;

/** An {@link Authenticator} knowing one administrator; records the console logins it was asked to check. */
class FakeAuthenticator implements Authenticator {

    static final String USERNAME = "alice";
    static final String PASSWORD_AND_CODE = "correct horse battery staple" + "123456";

    Caller admits = new Caller("0b5e2c1e-7d3a-4c59-9a57-2f2d1f1f0001", "Alice", Set.of("admin"), true);
    RuntimeException failure;
    int calls;
    String lastUsername;
    String lastPassword;
    ClientInfo lastClient;

    @Override
    public Caller verifyConsoleLogin(String username, String passwordFollowedByCode, ClientInfo client) {
        calls++;
        lastUsername = username;
        lastPassword = passwordFollowedByCode;
        lastClient = client;
        if (failure != null) {
            throw failure;
        }
        if (!USERNAME.equalsIgnoreCase(username) || !PASSWORD_AND_CODE.equals(passwordFollowedByCode)) {
            throw new AuthenticationException(AuthenticationException.LOGIN_FAILED);
        }
        return admits;
    }

    @Override
    public LoginResult login(String username, String password, ClientInfo client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public LoginResult completeMfa(String challenge, String code, ClientInfo client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<AuthenticatedSession> authenticate(String token, ClientInfo client) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void logout(String token) {
        throw new UnsupportedOperationException();
    }
}
