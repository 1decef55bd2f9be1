package org.bastion.crm.audit.internal.export;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.audit.internal.chain.ChainHead;

/**
 * The sequence numbers an export covers, both inclusive: {@code from} defaults to the first entry still in the
 * database, {@code to} to the chain head. Anything else than whole numbers in that span is refused (400).
 */
public record ExportRange(long from, long to) {

    /** The range of the query parameters {@code from} and {@code to} (null or blank: the default) against the head. */
    public static ExportRange of(String from, String to, ChainHead head) {
        long first = head.archivedThrough() + 1;
        long fromSequence = parse("from", from, first);
        long toSequence = parse("to", to, head.sequence());
        if (fromSequence < first) {
            throw ValidationException.of("from", head.archivedThrough() == 0 ? "must be at least 1"
                    : "must be at least " + first + " (entries up to " + head.archivedThrough() + " are archived)");
        }
        if (toSequence > head.sequence()) {
            throw ValidationException.of("to", "must be at most the chain head, " + head.sequence());
        }
        if (fromSequence > toSequence) {
            throw ValidationException.of("from", "must not be after to (" + toSequence + ")");
        }
        return new ExportRange(fromSequence, toSequence);
    }

    private static long parse(String name, String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.strip().matches("[0-9]{1,18}")) {
            throw ValidationException.of(name, "must be a sequence number (a whole number from 1)");
        }
        return Long.parseLong(value.strip());
    }
}
