package org.bastion.crm.security.internal.restrict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bastion.crm.api.security.AccessRestrictions.AddressRefusal;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.bastion.crm.security.internal.db.AddressRefusalRepository;
import org.bastion.crm.security.internal.db.LoginLockRepository;
import org.bastion.crm.security.internal.db.LoginLockRepository.Kind;
import org.bastion.crm.security.internal.db.LoginLockRepository.LoginLock;
import org.bastion.crm.security.internal.db.SecurityDatabase;
import org.bastion.crm.support.jdbc.SqlWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The refused addresses as every node applies them: stored in {@code crm_address_refusal} (and, for the credential
 * checks the login guard already makes, as an ADDRESS lock in {@code crm_login_lock}), and held in memory for the
 * per-request check, re-read from the database at most {@link #REFRESH} after the last read, so a refusal made on
 * another node applies here within that time (at once on the node that made it).
 */
@Component(service = AddressRefusals.class)
public final class AddressRefusals {

    /** How stale the in-memory copy may get before a request re-reads the table. */
    static final Duration REFRESH = Duration.ofSeconds(2);

    /** How long an ended refusal stays in the table before a later write purges it. */
    static final Duration KEEP_ENDED = Duration.ofDays(1);

    private final SecurityDatabase database;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Instant.MIN);

    @Activate
    public AddressRefusals(@Reference SecurityDatabase database) {
        this(database, Clock.systemUTC());
    }

    public AddressRefusals(SecurityDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /**
     * Refuses the request when its address is refused now, with the answer the login throttle gives (429 and
     * {@code Retry-After}); an unknown or malformed address is not refused.
     *
     * @throws TooManyAttemptsException then
     */
    public void check(String remoteAddress) {
        Optional<Instant> until = refusedUntil(remoteAddress);
        if (until.isPresent()) {
            Duration left = Duration.between(clock.instant(), until.get());
            throw new TooManyAttemptsException(left.isNegative() ? Duration.ofSeconds(1) : left);
        }
    }

    /** Until when {@code remoteAddress} is refused, if it is now. */
    public Optional<Instant> refusedUntil(String remoteAddress) {
        Optional<String> address = ClientAddresses.canonical(remoteAddress);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Snapshot current = snapshot;
        if (!now.isBefore(current.readAt().plus(REFRESH))) {
            current = reload(now);
        }
        AddressRefusal refusal = current.byAddress().get(address.get());
        return refusal != null && now.isBefore(refusal.until()) ? Optional.of(refusal.until()) : Optional.empty();
    }

    /** The refusals in force now, by address, read from the database. */
    public List<AddressRefusal> inForce() {
        return reload(clock.instant()).byAddress().values().stream().toList();
    }

    /** Stores {@code refusal} (its address canonical) and runs {@code alsoInTransaction} in the same transaction. */
    public void store(AddressRefusal refusal, SqlWork<?> alsoInTransaction) {
        Instant now = clock.instant();
        database.write(c -> {
            AddressRefusalRepository.put(c, refusal, now, now.minus(KEEP_ENDED));
            LoginLockRepository.put(c, new LoginLock(Kind.ADDRESS, lockKey(refusal.address()), 0, now, refusal.until()));
            return alsoInTransaction.apply(c);
        });
        reload(now);
    }

    /** Lifts the refusal of {@code address} (canonical), and any login lock of it; whether there was a refusal. */
    public boolean remove(String address, SqlWork<?> alsoInTransaction) {
        Instant now = clock.instant();
        boolean removed = database.write(c -> {
            boolean refused = AddressRefusalRepository.inForce(c, now).stream().anyMatch(r -> r.address().equals(address));
            AddressRefusalRepository.delete(c, address);
            boolean locked = LoginLockRepository.delete(c, Kind.ADDRESS, lockKey(address));
            if (refused || locked) {
                alsoInTransaction.apply(c);
            }
            return refused || locked;
        });
        reload(now);
        return removed;
    }

    private Snapshot reload(Instant now) {
        List<AddressRefusal> rows = database.read(c -> AddressRefusalRepository.inForce(c, now));
        Snapshot fresh = new Snapshot(rows.stream().collect(Collectors.toMap(AddressRefusal::address,
                Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new)), now);
        snapshot = fresh;
        return fresh;
    }

    /**
     * The key of an address in {@code crm_login_lock}: the hex SHA-256 of its UTF-8 bytes, as the login guard's
     * durable locks store it.
     */
    static String lockKey(String address) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Snapshot(Map<String, AddressRefusal> byAddress, Instant readAt) {
    }
}
