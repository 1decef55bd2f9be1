package org.bastion.crm.rest.internal.caller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;

/** An authenticator that knows a fixed set of tokens and records what it was asked. */
final class FakeAuthenticator implements Authenticator {

    final Map<String, AuthenticatedSession> sessions = new HashMap<>();
    final List<String> tokensAsked = new ArrayList<>();
    final List<ClientInfo> clientsSeen = new ArrayList<>();
    RuntimeException failure;

    @Override
    public Optional<AuthenticatedSession> authenticate(String token, ClientInfo client) {
        tokensAsked.add(token);
        clientsSeen.add(client);
        if (failure != null) {
            throw failure;
        }
        return Optional.ofNullable(sessions.get(token));
    }

    @Override
    public LoginResult login(String username, String password, ClientInfo client) {
        throw new UnsupportedOperationException("not used by the filter");
    }

    @Override
    public LoginResult completeMfa(String challenge, String code, ClientInfo client) {
        throw new UnsupportedOperationException("not used by the filter");
    }

    @Override
    public void logout(String token) {
        throw new UnsupportedOperationException("not used by the filter");
    }

    @Override
    public Caller verifyConsoleLogin(String username, String passwordFollowedByCode, ClientInfo client) {
        throw new UnsupportedOperationException("not used by the filter");
    }
}
