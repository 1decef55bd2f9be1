package org.bastion.crm.security.internal.login;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditOutcome;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.LoginResult;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.security.internal.SecurityPolicy;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.mfa.MfaChallenges;
import org.bastion.crm.security.internal.mfa.SecondFactor;
import org.bastion.crm.security.internal.session.SessionRegistry;
import org.bastion.crm.security.internal.user.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Logs users in: password (one code path for every failure, {@link PasswordCheck}), then a TOTP or recovery code for
 * users with TOTP on, then a session. Every attempt goes through the {@link LoginGuard} first and is published; every
 * failure is one {@link AuthenticationException#LOGIN_FAILED}. Users whose role requires TOTP and who have none get an
 * enrolment-only session whose caller holds no roles.
 */
@Component(service = Authenticator.class)
public final class AuthenticatorImpl implements Authenticator {

    private final UserStore users;
    private final SecurityPolicy policy;
    private final LoginGuard guard;
    private final SessionRegistry sessions;
    private final SecondFactor secondFactor;
    private final SecurityEventPublisher events;
    private final PasswordCheck passwords;
    private final MfaChallenges challenges;
    private final LoginRecorder recorder;

    @Activate
    public AuthenticatorImpl(@Reference UserStore users, @Reference SecurityPolicy policy, @Reference LoginGuard guard,
            @Reference SessionRegistry sessions, @Reference SecondFactor secondFactor,
            @Reference SecurityEventPublisher events) {
        this(users, policy, guard, sessions, secondFactor, events, Clock.systemUTC());
    }

    public AuthenticatorImpl(UserStore users, SecurityPolicy policy, LoginGuard guard, SessionRegistry sessions,
            SecondFactor secondFactor, SecurityEventPublisher events, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.guard = guard;
        this.sessions = sessions;
        this.secondFactor = secondFactor;
        this.events = events;
        this.passwords = new PasswordCheck(users, policy);
        this.challenges = new MfaChallenges(clock, new SecureRandom());
        this.recorder = new LoginRecorder(users, guard, events, clock);
    }

    @Override
    public LoginResult login(String username, String password, ClientInfo client) {
        ClientInfo from = known(client);
        String account = LoginGuard.account(username);
        guard.check(account, from);
        PasswordCheck.Outcome outcome = passwords.check(username, password);
        if (!outcome.accepted()) {
            throw recorder.failed(account, outcome.user(), outcome.failureReason(), from);
        }
        UserRow user = outcome.user();
        if (!user.isActive()) {
            throw recorder.failed(account, user, "disabled", from);
        }
        recorder.rehashIfNeeded(user, password, policy.hasher());
        if (user.totpEnabled()) {
            MfaChallenges.Issued issued = challenges.issue(user.id(), from.address(),
                    policy.settings().mfaChallengeLifetime());
            return LoginResult.mfa(issued.challenge(), issued.expiresAt());
        }
        boolean enrolmentOnly = policy.settings().requiresTotp(user.roles());
        return openSession(user, from, enrolmentOnly);
    }

    @Override
    public LoginResult completeMfa(String challenge, String code, ClientInfo client) {
        ClientInfo from = known(client);
        guard.checkAddress(from);
        Optional<UserRow> user = challenges.take(challenge, from.address()).flatMap(users::row);
        if (user.isEmpty()) {
            guard.addressFailure(from);
            events.post(SecurityEvents.LOGIN_FAILED, withReason(from, "bad-challenge"));
            events.audit().later(LoginRecorder.attempt(AuditActions.LOGIN_FAILED, AuditOutcome.FAILURE,
                    LoginGuard.EMPTY_ACCOUNT, null, from).detail("reason", "bad-challenge").build());
            throw new AuthenticationException(AuthenticationException.LOGIN_FAILED);
        }
        UserRow row = user.get();
        guard.check(row.username(), from);
        if (!row.isActive()) {
            throw recorder.failed(row.username(), row, "disabled", from);
        }
        Optional<SecondFactor.Kind> used = secondFactor.verifyAndUse(row, code);
        if (used.isEmpty()) {
            throw recorder.failed(row.username(), row, "bad-code", from);
        }
        secondFactorPassed(row, used.get(), from);
        return openSession(row, from, false);
    }

    @Override
    public Optional<AuthenticatedSession> authenticate(String token, ClientInfo client) {
        return sessions.authenticate(token);
    }

    @Override
    public void logout(String token) {
        sessions.byToken(token).filter(sessions::end).ifPresent(row -> {
            events.post(SecurityEvents.LOGGED_OUT, Map.of(SecurityEvents.USER_ID, row.userId(),
                    SecurityEvents.SESSION_ID, row.id(), SecurityEvents.ACTOR, row.userId()));
            events.audit().later(AuditEntry.success(AuditActions.LOGOUT).target("session", row.id())
                    .actor(new AuditActor(row.userId(), null, row.channel(), row.address())).build());
        });
    }

    @Override
    public Caller verifyConsoleLogin(String username, String passwordFollowedByCode, ClientInfo client) {
        ClientInfo from = known(client);
        String account = LoginGuard.account(username);
        guard.check(account, from);
        List<ConsoleCredentials.Reading> readings = ConsoleCredentials.readings(passwordFollowedByCode);
        if (readings.isEmpty()) {
            PasswordCheck.Outcome outcome = passwords.check(username, passwordFollowedByCode);
            throw recorder.failed(account, outcome.user(), "no-code", from);
        }
        PasswordCheck.Outcome accepted = null;
        String code = null;
        PasswordCheck.Outcome last = null;
        for (ConsoleCredentials.Reading reading : readings) {
            last = passwords.check(username, reading.password());
            if (accepted == null && last.accepted()) {
                accepted = last;
                code = reading.code();
            }
        }
        if (accepted == null) {
            throw recorder.failed(account, last.user(), last.failureReason(), from);
        }
        UserRow user = accepted.user();
        String refusal = !user.isActive() ? "disabled" : !user.roles().contains(SecurityRoles.ADMIN) ? "not-admin"
                : !user.totpEnabled() ? "no-totp" : null;
        if (refusal != null) {
            throw recorder.failed(account, user, refusal, from);
        }
        Optional<SecondFactor.Kind> used = secondFactor.verifyAndUse(user, code);
        if (used.isEmpty()) {
            throw recorder.failed(account, user, "bad-code", from);
        }
        secondFactorPassed(user, used.get(), from);
        recorder.succeeded(user, null, from);
        return new Caller(user.id(), user.displayName(), user.roles(), true);
    }

    private void secondFactorPassed(UserRow user, SecondFactor.Kind kind, ClientInfo from) {
        boolean recoveryCode = kind == SecondFactor.Kind.RECOVERY_CODE;
        recorder.secondFactorPassed(user, recoveryCode ? "recovery-code" : "totp", from);
        if (recoveryCode) {
            recorder.recoveryCodeUsed(user, from);
        }
    }

    private LoginResult openSession(UserRow user, ClientInfo from, boolean enrolmentOnly) {
        SessionRegistry.Opened opened = sessions.open(user, from, enrolmentOnly);
        recorder.succeeded(user, opened.row().id(), from);
        return LoginResult.session(opened.token(), opened.expiresAt(), enrolmentOnly);
    }

    private static Map<String, Object> withReason(ClientInfo from, String reason) {
        Map<String, Object> properties = SecurityEventPublisher.client(from);
        properties.put(SecurityEvents.REASON, reason);
        return properties;
    }

    private static ClientInfo known(ClientInfo client) {
        return client == null ? new ClientInfo(null, null, null) : client;
    }
}
