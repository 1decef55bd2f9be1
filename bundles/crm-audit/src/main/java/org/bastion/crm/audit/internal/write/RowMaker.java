package org.bastion.crm.audit.internal.write;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.audit.internal.chain.CanonicalJson;
import org.bastion.crm.audit.internal.chain.EntryRow;

/**
 * Makes the row of an entry on the recording thread: the time (to the microsecond, as the database keeps it), the
 * actor (the entry's, else the current caller's), details as canonical JSON and changes through the
 * {@link ChangeEncoder}. Every text is {@link CanonicalJson#clean cleaned}, so the stored row hashes the same as its
 * export line read back by any JSON tool.
 */
public final class RowMaker {

    private final Clock clock;
    private final Supplier<AuditActor> currentActor;
    private final ChangeEncoder changes;

    public RowMaker(Clock clock, Supplier<AuditActor> currentActor, ChangeEncoder changes) {
        this.clock = clock;
        this.currentActor = currentActor;
        this.changes = changes;
    }

    private static String cut(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }

    /** The unchained row of {@code entry}. */
    public EntryRow rowOf(AuditEntry entry) {
        AuditActor actor = entry.actor() != null ? entry.actor() : currentActor.get();
        Map<String, Object> details = new TreeMap<>();
        entry.details().forEach((name, value) -> details.put(name, CanonicalJson.clean(value)));
        return new EntryRow(0, null, clock.instant().truncatedTo(ChronoUnit.MICROS),
                CanonicalJson.clean(cut(actor.userId(), 100)), CanonicalJson.clean(actor.username()),
                CanonicalJson.clean(actor.channel()), CanonicalJson.clean(actor.address()), entry.action(),
                entry.target() == null ? null : entry.target().kind(),
                entry.target() == null ? null : CanonicalJson.clean(entry.target().id()),
                entry.outcome().wireName(), CanonicalJson.write(details), changes.encode(entry.changes()), null, null);
    }
}
