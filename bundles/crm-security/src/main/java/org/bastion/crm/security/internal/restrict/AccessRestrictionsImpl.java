package org.bastion.crm.security.internal.restrict;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.api.security.SecurityEvents;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.api.text.SafeText;
import org.bastion.crm.api.text.TextKind;
import org.bastion.crm.security.internal.UserAdministrationAccess;
import org.bastion.crm.security.internal.db.LoginLockRepository;
import org.bastion.crm.security.internal.db.LoginLockRepository.Kind;
import org.bastion.crm.security.internal.db.LoginLockRepository.LoginLock;
import org.bastion.crm.security.internal.db.SessionRow;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.login.LoginGuard;
import org.bastion.crm.security.internal.session.SessionRegistry;
import org.bastion.crm.security.internal.user.UserStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link AccessRestrictions} for holders of {@code users:manage}: an account locked for a period is written as the
 * login guard's own stored lock (so its logins get the throttle's 429 and the existing unlock lifts it) and its sessions
 * end in the same transaction (each published as {@code SESSION_REVOKED}, reason {@code account-locked}); an address
 * refused for a period is kept by {@link AddressRefusals}. Every change is audited in the transaction that makes it
 * ({@code auth.account.locked}, {@code auth.address.refused}, {@code auth.address.allowed}, with details reason, until
 * and by).
 */
@Component(service = AccessRestrictions.class)
public final class AccessRestrictionsImpl implements AccessRestrictions {

    /** The longest period an account or address can be held back in one go. */
    public static final Duration MAXIMUM_PERIOD = Duration.ofDays(365);

    /** The longest reason kept. */
    public static final int MAXIMUM_REASON = 500;

    static final String ADDRESS_REFUSED = "auth.address.refused";
    static final String ADDRESS_ALLOWED = "auth.address.allowed";
    static final String ACCOUNT_LOCKED = "auth.account.locked";

    private final CallerContext callers;
    private final UserAdministrationAccess access;
    private final UserStore users;
    private final SessionRegistry sessions;
    private final AddressRefusals refusals;
    private final SecurityEventPublisher events;
    private final Clock clock;
    private final AuditRecorder audit;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    @Activate
    public AccessRestrictionsImpl(@Reference(policyOption = GREEDY) CallerContext callers,
            @Reference UserAdministrationAccess access, @Reference UserStore users, @Reference SessionRegistry sessions,
            @Reference AddressRefusals refusals, @Reference SecurityEventPublisher events) {
        this(callers, access, users, sessions, refusals, events, Clock.systemUTC(), null);
    }

    /** For tests: {@code audit} null records through the optional references. */
    public AccessRestrictionsImpl(CallerContext callers, UserAdministrationAccess access, UserStore users,
            SessionRegistry sessions, AddressRefusals refusals, SecurityEventPublisher events, Clock clock,
            AuditRecorder audit) {
        this.callers = callers;
        this.access = access;
        this.users = users;
        this.sessions = sessions;
        this.refusals = refusals;
        this.events = events;
        this.clock = clock;
        this.audit = audit != null ? audit : new AuditRecorder(() -> auditLog, () -> auditPolicy);
    }

    @Override
    public void lockAccount(String userId, Duration period, String reason) {
        Caller admin = access.requireUsersManage(callers);
        Instant until = until(period);
        String why = reason(reason);
        UserRow user = users.require(userId);
        if (user.id().equals(admin.id())) {
            throw new ConflictException("you cannot lock your own account");
        }
        audit.checkChangesAllowed();
        String account = LoginGuard.account(user.username());
        List<SessionRow> ended = sessions.endAllOf(user.id(), null, c -> {
            LoginLockRepository.put(c, new LoginLock(Kind.ACCOUNT, AddressRefusals.lockKey(account), 0, now(), until));
            audit.change(entry(ACCOUNT_LOCKED, "user", user.id(), why, until, admin));
            return null;
        });
        for (SessionRow session : ended) {
            events.post(SecurityEvents.SESSION_REVOKED, Map.of(SecurityEvents.USER_ID, user.id(),
                    SecurityEvents.USERNAME, user.username(), SecurityEvents.ACTOR, admin.id(),
                    SecurityEvents.SESSION_ID, session.id(), SecurityEvents.REASON, "account-locked"));
        }
    }

    @Override
    public void refuseAddress(String address, Duration period, String reason) {
        Caller admin = access.requireUsersManage(callers);
        String canonical = address(address);
        Instant until = until(period);
        String why = reason(reason);
        audit.checkChangesAllowed();
        refusals.store(new AddressRefusal(canonical, until, why, admin.id()), c -> {
            audit.change(entry(ADDRESS_REFUSED, "address", canonical, why, until, admin));
            return null;
        });
    }

    @Override
    public boolean allowAddress(String address) {
        Caller admin = access.requireUsersManage(callers);
        String canonical = address(address);
        audit.checkChangesAllowed();
        return refusals.remove(canonical, c -> {
            audit.change(AuditEntry.success(ADDRESS_ALLOWED).target("address", canonical).detail("by", admin.id())
                    .build());
            return null;
        });
    }

    @Override
    public List<AddressRefusal> refusedAddresses() {
        access.requireUsersManage(callers);
        return refusals.inForce();
    }

    /** The canonical form of an address an administrator typed, or a 400 on field {@code address}. */
    public static String address(String address) {
        return ClientAddresses.canonical(address).orElseThrow(
                () -> ValidationException.of("address", "must be an IPv4 or IPv6 address"));
    }

    private Instant until(Duration period) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw ValidationException.of("period", "must be positive");
        }
        if (period.compareTo(MAXIMUM_PERIOD) > 0) {
            throw ValidationException.of("period", "must be at most " + MAXIMUM_PERIOD.toDays() + " days");
        }
        return now().plus(period);
    }

    private static String reason(String reason) {
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw ValidationException.of("reason", "is required");
        }
        if (text.length() > MAXIMUM_REASON) {
            throw ValidationException.of("reason", "must be at most " + MAXIMUM_REASON + " characters");
        }
        return SafeText.require("reason", text, TextKind.SINGLE_LINE);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static AuditEntry entry(String action, String kind, String id, String reason, Instant until, Caller by) {
        return AuditEntry.success(action).target(kind, id).detail("reason", reason).detail("until", until.toString())
                .detail("by", by.id()).build();
    }
}
