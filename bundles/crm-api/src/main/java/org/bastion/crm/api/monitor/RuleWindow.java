package org.bastion.crm.api.monitor;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The memory a rule counts in, kept in the database so that every node of a cluster counts together. Keys are the
 * rule's own (crm-monitor keeps each rule's keys apart); the time of a mark is the recorded entry's.
 */
@ProviderType
public interface RuleWindow {

    /**
     * Marks {@code key} once and answers how many marks it has within {@code within} up to now, this one included,
     * counting no further than {@code countUpTo}: a rule passes its threshold + 1, so that a call costs the same
     * however many marks a busy key has (a bulk reader marks thousands a minute).
     *
     * @throws IllegalArgumentException when {@code countUpTo} is below 1
     */
    long mark(String key, Duration within, long countUpTo);

    /**
     * Marks {@code value} under {@code key} and answers how many different values {@code key} has within
     * {@code within}, this one included (such as the accounts one address failed to log in to), counting no further
     * than {@code countUpTo}.
     *
     * @throws IllegalArgumentException when {@code countUpTo} is below 1
     */
    long markDistinct(String key, String value, Duration within, long countUpTo);

    /** Remembers {@code value} under {@code key} for good and answers whether it was new (such as a user's addresses). */
    boolean firstSeen(String key, String value);
}
