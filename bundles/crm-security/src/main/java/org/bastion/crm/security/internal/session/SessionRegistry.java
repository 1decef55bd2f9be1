package org.bastion.crm.security.internal.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.security.AuthenticatedSession;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.security.internal.SecurityEventPublisher;
import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.security.internal.SecurityPolicy;
import org.bastion.crm.security.internal.SecuritySettings;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.security.internal.db.SessionRepository;
import org.bastion.crm.security.internal.db.SessionRow;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.bastion.crm.security.internal.user.UserDirectoryImpl;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Opens, resolves and ends sessions. A session lives in {@code crm_session} (token stored as SHA-256 only) and, once
 * used, in an in-memory cache keyed by token hash, so a request costs no database read; its last use is written at most
 * once a {@link #LAST_SEEN_WRITE_INTERVAL}. Every revocation deletes the row and evicts the cache entry at once. A
 * session ends after the idle timeout or the absolute lifetime in force (a shorter setting applies to open sessions).
 * The caller of a session carries the roles its user holds now ({@link UserDirectoryImpl}), so a role change applies
 * to open sessions on their next request, and a disabled user's sessions resolve to nothing.
 */
@Component(service = SessionRegistry.class)
public final class SessionRegistry {

    /** How often, at most, a session's last use is written. */
    public static final Duration LAST_SEEN_WRITE_INTERVAL = Duration.ofMinutes(1);
    /** The most sessions cached; beyond it the least recently used one is evicted (the database stays the truth). */
    static final int MAX_CACHED = 10_000;
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(10);
    private static final int MAX_ADDRESS = 100;
    private static final int MAX_CHANNEL = 20;

    /** A new session and its token, which is handed out once and never stored. */
    public record Opened(String token, SessionRow row, Instant expiresAt) {

        @Override
        public String toString() {
            return "Opened[" + row + "]";
        }
    }

    /** A resolved session in the cache: the row as last written, the last use seen, the caller. */
    private record Live(SessionRow row, Instant lastSeen, Caller caller) {
    }

    private final SecurityDatabase database;
    private final SecurityEventPublisher events;
    private final SecurityPolicy policy;
    private final UserDirectoryImpl directory;
    private final Clock clock;
    private final SessionTokens tokens;
    /** Least recently used first; every access synchronizes on the map. */
    private final Map<String, Live> cache;
    /** Resolving holds the read lock, ending the write lock: a session ended cannot be put back by a resolve in flight. */
    private final ReadWriteLock revocations = new ReentrantReadWriteLock();
    private volatile Instant lastSweep = Instant.MIN;

    @Activate
    public SessionRegistry(@Reference SecurityDatabase database, @Reference SecurityPolicy policy,
            @Reference UserDirectoryImpl directory, @Reference SecurityEventPublisher events) {
        this(database, policy, directory, events, Clock.systemUTC(), new SecureRandom());
    }

    public SessionRegistry(SecurityDatabase database, SecurityPolicy policy, UserDirectoryImpl directory,
            SecurityEventPublisher events, Clock clock, SecureRandom random) {
        this(database, policy, directory, events, clock, random, MAX_CACHED);
    }

    SessionRegistry(SecurityDatabase database, SecurityPolicy policy, UserDirectoryImpl directory,
            SecurityEventPublisher events, Clock clock, SecureRandom random, int maxCached) {
        this.events = events;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Live> eldest) {
                return size() > maxCached;
            }
        });
        this.database = database;
        this.directory = directory;
        this.policy = policy;
        this.clock = clock;
        this.tokens = new SessionTokens(random);
    }

    /** Opens a session for {@code user}; {@code enrolmentOnly} sessions may only enrol TOTP. */
    public Opened open(UserRow user, ClientInfo client, boolean enrolmentOnly) {
        Instant now = clock.instant();
        sweepIfDue(now);
        String token = tokens.newToken();
        SessionRow row = new SessionRow(UUID.randomUUID().toString(), SessionTokens.hash(token), user.id(),
                cut(client.channel(), MAX_CHANNEL), cut(client.address(), MAX_ADDRESS), client.userAgent(), now, now,
                now.plus(policy.settings().sessionAbsoluteLifetime()), enrolmentOnly);
        database.write(c -> {
            SessionRepository.insert(c, row);
            return null;
        });
        return new Opened(token, row, expiresAt(row, now));
    }

    /** The live session of a token, marking it used; empty for junk, unknown, expired or revoked tokens. */
    public Optional<AuthenticatedSession> authenticate(String token) {
        if (!SessionTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = SessionTokens.hash(token);
        Instant now = clock.instant();
        SessionRow expired;
        revocations.readLock().lock();
        try {
            Live live = cache.get(hash);
            if (live == null) {
                Optional<Live> loaded = load(hash);
                if (loaded.isEmpty()) {
                    return Optional.empty();
                }
                live = loaded.get();
            }
            if (!directory.isActive(live.row().userId())) {
                return Optional.empty();
            }
            if (now.isBefore(expiresAt(live.row(), live.lastSeen()))) {
                return Optional.of(markUsed(hash, live, now));
            }
            expired = live.row();
        } finally {
            revocations.readLock().unlock();
        }
        if (end(expired)) {
            events.audit().later(AuditEntry.success(AuditActions.SESSION_EXPIRED).target("session", expired.id())
                    .actor(new AuditActor(expired.userId(), null, expired.channel(), expired.address()))
                    .detail("user", expired.userId()).build());
        }
        return Optional.empty();
    }

    private AuthenticatedSession markUsed(String hash, Live live, Instant now) {
        SessionRow row = live.row();
        if (Duration.between(row.lastSeenAt(), now).compareTo(LAST_SEEN_WRITE_INTERVAL) >= 0) {
            String id = row.id();
            database.write(c -> {
                SessionRepository.updateLastSeen(c, id, now);
                return null;
            });
            row = row.seenAt(now);
        }
        Live used = new Live(row, now, live.caller());
        cache.put(hash, used);
        return new AuthenticatedSession(row.id(), withCurrentRoles(used.caller(), row), row.enrolmentOnly(),
                expiresAt(row, now), absoluteExpiry(row));
    }

    /** The session of a token, if it exists (expired or not). */
    public Optional<SessionRow> byToken(String token) {
        if (!SessionTokens.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = SessionTokens.hash(token);
        return database.read(c -> SessionRepository.findByTokenHash(c, hash));
    }

    /** The session with {@code id}, if it exists and has not expired. */
    public Optional<SessionRow> live(String id) {
        Instant now = clock.instant();
        return database.read(c -> SessionRepository.findById(c, id)).map(this::freshest)
                .filter(row -> now.isBefore(expiresAt(row, row.lastSeenAt())));
    }

    /** The live sessions of a user, newest first, with their last use as seen in memory. */
    public List<SessionRow> liveOf(String userId) {
        return liveOnly(database.read(c -> SessionRepository.ofUser(c, userId)));
    }

    /** Every live session, newest first. */
    public List<SessionRow> all() {
        return liveOnly(database.read(SessionRepository::all));
    }

    /** When a session ends if not used again: the earlier of idle timeout and absolute lifetime. */
    public Instant expiresAt(SessionRow row) {
        return expiresAt(row, row.lastSeenAt());
    }

    /** Ends a session: deletes it and evicts it from the cache; whether it existed. */
    public boolean end(SessionRow row) {
        return end(row, null);
    }

    /**
     * Ends a session and, when it existed, runs {@code inTransaction} (may be null; the audit entry of the end) in
     * the same transaction; whether it existed.
     */
    public boolean end(SessionRow row, Runnable inTransaction) {
        revocations.writeLock().lock();
        try {
            boolean deleted = database.write(c -> {
                boolean existed = SessionRepository.delete(c, row.id());
                if (existed && inTransaction != null) {
                    inTransaction.run();
                }
                return existed;
            });
            cache.remove(row.tokenHash());
            return deleted;
        } finally {
            revocations.writeLock().unlock();
        }
    }

    /** Ends every session of a user except {@code keepSessionId} (may be null); the sessions ended. */
    public List<SessionRow> endAllOf(String userId, String keepSessionId) {
        return endAllOf(userId, keepSessionId, null);
    }

    /**
     * Runs {@code change} (may be null) and ends every session of a user except {@code keepSessionId} in one
     * transaction, so that a crash can never leave the change stored and the sessions it ends alive (a password
     * changed, the stolen session still open); the sessions ended. If the change throws, nothing is ended.
     */
    public List<SessionRow> endAllOf(String userId, String keepSessionId, SqlWork<?> change) {
        return endAllOf(userId, keepSessionId, change, null);
    }

    /**
     * As {@link #endAllOf(String, String, SqlWork)}, then gives the sessions ended to {@code recordEnded} (may be
     * null; their audit entries) in the same transaction.
     */
    public List<SessionRow> endAllOf(String userId, String keepSessionId, SqlWork<?> change,
            java.util.function.Consumer<List<SessionRow>> recordEnded) {
        revocations.writeLock().lock();
        try {
            List<SessionRow> ended = database.write(c -> {
                if (change != null) {
                    change.apply(c);
                }
                List<SessionRow> deleted = new ArrayList<>();
                for (SessionRow row : SessionRepository.ofUser(c, userId)) {
                    if (!row.id().equals(keepSessionId) && SessionRepository.delete(c, row.id())) {
                        deleted.add(row);
                    }
                }
                if (recordEnded != null) {
                    recordEnded.accept(deleted);
                }
                return deleted;
            });
            ended.forEach(row -> cache.remove(row.tokenHash()));
            return ended;
        } finally {
            revocations.writeLock().unlock();
        }
    }

    /**
     * Forgets every cached session (after a restore replaced the tables): the next request of each token reads
     * {@code crm_session} again, so a session whose row is gone ends at once.
     */
    public void forgetAll() {
        revocations.writeLock().lock();
        try {
            cache.clear();
        } finally {
            revocations.writeLock().unlock();
        }
    }

    /** How many sessions are cached (for tests and health). */
    public int cachedSessions() {
        return cache.size();
    }

    /** Whether the session of {@code token} is in the cache (for tests). */
    boolean caches(String token) {
        return cache.containsKey(SessionTokens.hash(token));
    }

    private Optional<Live> load(String hash) {
        return database.read(c -> {
            Optional<SessionRow> row = SessionRepository.findByTokenHash(c, hash);
            if (row.isEmpty()) {
                return Optional.<Live>empty();
            }
            Optional<UserRow> user = UserRepository.findById(c, row.get().userId());
            if (user.isEmpty() || !user.get().isActive()) {
                return Optional.<Live>empty();
            }
            UserRow u = user.get();
            Caller caller = new Caller(u.id(), u.displayName(), row.get().enrolmentOnly() ? null : u.roles(), true);
            return Optional.of(new Live(row.get(), row.get().lastSeenAt(), caller));
        });
    }

    /** The session's caller with the roles its user holds now (none in an enrolment-only session). */
    private Caller withCurrentRoles(Caller caller, SessionRow row) {
        if (row.enrolmentOnly()) {
            return caller;
        }
        Set<String> roles = directory.currentRoles(caller.id()).orElse(Set.of());
        return roles.equals(caller.roles()) ? caller
                : new Caller(caller.id(), caller.displayName(), roles, caller.authenticated());
    }

    private List<SessionRow> liveOnly(List<SessionRow> rows) {
        Instant now = clock.instant();
        return rows.stream().map(this::freshest).filter(row -> now.isBefore(expiresAt(row, row.lastSeenAt()))).toList();
    }

    private SessionRow freshest(SessionRow row) {
        Live live = cache.get(row.tokenHash());
        return live != null && live.lastSeen().isAfter(row.lastSeenAt()) ? row.seenAt(live.lastSeen()) : row;
    }

    private Instant expiresAt(SessionRow row, Instant lastSeen) {
        Instant idle = lastSeen.plus(policy.settings().sessionIdleTimeout());
        Instant absolute = absoluteExpiry(row);
        return idle.isBefore(absolute) ? idle : absolute;
    }

    private Instant absoluteExpiry(SessionRow row) {
        Instant configured = row.createdAt().plus(policy.settings().sessionAbsoluteLifetime());
        return configured.isBefore(row.absoluteExpiresAt()) ? configured : row.absoluteExpiresAt();
    }

    private void sweepIfDue(Instant now) {
        if (now.isBefore(lastSweep.plus(SWEEP_INTERVAL))) {
            return;
        }
        lastSweep = now;
        SecuritySettings settings = policy.settings();
        database.write(c -> SessionRepository.deleteExpired(c, now, now.minus(settings.sessionIdleTimeout())
                .minus(LAST_SEEN_WRITE_INTERVAL)));
        cache.values().removeIf(live -> !now.isBefore(expiresAt(live.row(), live.lastSeen())));
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
