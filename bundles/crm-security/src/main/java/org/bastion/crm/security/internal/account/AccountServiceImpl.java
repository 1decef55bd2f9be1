package org.bastion.crm.security.internal.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.security.AccountService;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.api.security.TotpEnrolment;
import org.bastion.crm.api.security.User;
import org.bastion.crm.security.internal.Callers;
import org.bastion.crm.security.internal.SecurityAuditEntries;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.security.internal.SecurityPolicy;
import org.bastion.crm.security.internal.db.RecoveryCodeRepository;
import org.bastion.crm.security.internal.db.SessionRow;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.login.LoginGuard;
import org.bastion.crm.security.internal.mfa.SecondFactor;
import org.bastion.crm.security.internal.mfa.TotpQrCode;
import org.bastion.crm.security.internal.recovery.RecoveryCodes;
import org.bastion.crm.security.internal.session.SessionRegistry;
import org.bastion.crm.security.internal.totp.Base32;
import org.bastion.crm.security.internal.totp.OtpAuthUri;
import org.bastion.crm.security.internal.totp.Totp;
import org.bastion.crm.security.internal.totp.TotpSecrets;
import org.bastion.crm.security.internal.user.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The current user's own account: TOTP enrolment (a pending secret stored encrypted until confirmed with a code; the
 * confirmation switches TOTP on and returns ten recovery codes once; an enrolment-only session stays enrolment-only, so
 * a full session needs a new login with a code), TOTP removal and password change (each needing the password, checked through the
 * {@link LoginGuard} under the pseudo-address {@code account:<user id>}, so guessing through a stolen session locks the
 * account like failed logins do).
 */
@Component(service = AccountService.class)
public final class AccountServiceImpl implements AccountService {

    private final CallerContext callers;
    private final UserStore users;
    private final SecurityPolicy policy;
    private final LoginGuard guard;
    private final SessionRegistry sessions;
    private final SecondFactor secondFactor;
    private final SecurityEventPublisher events;
    private final Clock clock;
    private final TotpSecrets secrets;
    private final RecoveryCodes recoveryCodes;

    @Activate
    public AccountServiceImpl(@Reference(policyOption = ReferencePolicyOption.GREEDY) CallerContext callers,
            @Reference UserStore users, @Reference SecurityPolicy policy, @Reference LoginGuard guard,
            @Reference SessionRegistry sessions, @Reference SecondFactor secondFactor,
            @Reference SecurityEventPublisher events) {
        this(callers, users, policy, guard, sessions, secondFactor, events, Clock.systemUTC(), new SecureRandom());
    }

    public AccountServiceImpl(CallerContext callers, UserStore users, SecurityPolicy policy, LoginGuard guard,
            SessionRegistry sessions, SecondFactor secondFactor, SecurityEventPublisher events, Clock clock,
            SecureRandom random) {
        this.callers = callers;
        this.users = users;
        this.policy = policy;
        this.guard = guard;
        this.sessions = sessions;
        this.secondFactor = secondFactor;
        this.events = events;
        this.clock = clock;
        this.secrets = new TotpSecrets(random);
        this.recoveryCodes = new RecoveryCodes(random);
    }

    @Override
    public User me() {
        return users.toUser(currentRow());
    }

    @Override
    public TotpEnrolment enrolTotp() {
        UserRow user = currentRow();
        if (user.totpEnabled()) {
            throw new ConflictException("Two-factor login is already on; remove it before enrolling again.");
        }
        byte[] secret = secrets.newSecret();
        try {
            String base32 = Base32.encode(secret);
            users.database().write(c -> {
                String ciphertext = users.cipherFor(user.id()).encrypt(UserStore.TOTP_FIELD, base32);
                return UserRepository.updateTotp(c, user.id(), ciphertext, false, null);
            });
            String uri = OtpAuthUri.forUser(user.username(), secret);
            return new TotpEnrolment(base32, uri, TotpQrCode.png(uri));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    @Override
    public List<String> confirmTotp(String code) {
        UserRow user = currentRow();
        if (user.totpEnabled()) {
            throw new ConflictException("Two-factor login is already on.");
        }
        if (user.totpSecretCiphertext() == null) {
            throw new ConflictException("Start the enrolment first (POST /api/v1/auth/totp/enroll).");
        }
        byte[] secret = secondFactor.secretOf(user);
        OptionalLong step;
        try {
            step = Totp.matchingStep(secret, code == null ? null : code.strip(), clock.instant(), Long.MIN_VALUE);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
        if (step.isEmpty()) {
            throw ValidationException.of("code", "is not the current code of the authenticator app");
        }
        List<String> codes = recoveryCodes.generate();
        List<String> hashes = recoveryCodes.hashAll(codes);
        AuditRecorder audit = events.audit();
        audit.checkChangesAllowed();
        users.database().write(c -> {
            boolean updated = UserRepository.updateTotp(c, user.id(), user.totpSecretCiphertext(), true,
                    step.getAsLong());
            RecoveryCodeRepository.replace(c, user.id(), hashes);
            audit.change(SecurityAuditEntries.user(AuditActions.TOTP_ENROLLED, user.id())
                    .detail("recoveryCodes", hashes.size()).build());
            return updated;
        });
        publish(SecurityEvents.TOTP_ENABLED, user);
        return codes;
    }

    @Override
    public void removeTotp(String password, String code) {
        UserRow user = currentRow();
        if (!user.totpEnabled()) {
            throw new ConflictException("Two-factor login is not on.");
        }
        ClientInfo from = pseudoClient(user);
        AuditRecorder audit = events.audit();
        audit.checkChangesAllowed();
        guard.check(user.username(), from);
        if (!passwordMatches(user, password) || secondFactor.verifyAndUse(user, code).isEmpty()) {
            guard.failure(user.username(), user.id(), from);
            throw new ValidationException(List.of(new FieldError("code", "the password or the code is not correct")));
        }
        users.database().write(c -> {
            UserRepository.updateTotp(c, user.id(), null, false, null);
            RecoveryCodeRepository.deleteAll(c, user.id());
            audit.change(SecurityAuditEntries.user(AuditActions.TOTP_REMOVED, user.id()).build());
            return null;
        });
        publish(SecurityEvents.TOTP_DISABLED, user);
    }

    @Override
    public void changePassword(String currentPassword, String newPassword, String keepSessionId) {
        UserRow user = currentRow();
        ClientInfo from = pseudoClient(user);
        AuditRecorder audit = events.audit();
        audit.checkChangesAllowed();
        guard.check(user.username(), from);
        if (!passwordMatches(user, currentPassword)) {
            guard.failure(user.username(), user.id(), from);
            throw ValidationException.of("currentPassword", "is not correct");
        }
        try {
            policy.passwordPolicy().check(user.username(), newPassword);
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream()
                    .map(error -> new FieldError("newPassword", error.message())).toList());
        }
        String hash = policy.hasher().hash(newPassword);
        // one transaction: a crash cannot leave the new password stored and the other sessions open
        List<SessionRow> ended = sessions.endAllOf(user.id(), keepSessionId, c -> {
            UserRepository.updatePassword(c, user.id(), hash);
            audit.change(SecurityAuditEntries.user(AuditActions.PASSWORD_CHANGED, user.id()).build());
            return null;
        }, SecurityAuditEntries.recordRevoked(audit, "password-changed"));
        guard.success(user.username(), from);
        publish(SecurityEvents.PASSWORD_CHANGED, user);
        ended.forEach(row -> publishRevoked(row.id(), user, "password-changed"));
    }

    private boolean passwordMatches(UserRow user, String password) {
        if (password == null || password.length() > 4 * 128) {
            policy.hasher().dummyVerify("");
            return false;
        }
        try {
            return policy.hasher().verify(password, user.passwordHash());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private UserRow currentRow() {
        Caller caller = Callers.authenticated(callers);
        return users.row(caller.id()).filter(UserRow::isActive)
                .orElseThrow(() -> new AuthenticationException("Authentication is required."));
    }

    private static ClientInfo pseudoClient(UserRow user) {
        return new ClientInfo("account:" + user.id(), "", "account");
    }

    private void publish(String topic, UserRow user) {
        events.post(topic, Map.of(SecurityEvents.USER_ID, user.id(), SecurityEvents.USERNAME, user.username(),
                SecurityEvents.ACTOR, user.id()));
    }

    private void publishRevoked(String sessionId, UserRow user, String reason) {
        events.post(SecurityEvents.SESSION_REVOKED, Map.of(SecurityEvents.USER_ID, user.id(), SecurityEvents.SESSION_ID,
                sessionId, SecurityEvents.ACTOR, user.id(), SecurityEvents.REASON, reason));
    }
}
