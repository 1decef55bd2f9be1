package org.bastion.crm.crypto.internal.keys;

import org.bastion.crm.api.IntegrityException;
import org.bastion.crm.api.crypto.RecordRef;

/** Reports a ciphertext (or wrapped key) that failed its integrity check. */
@FunctionalInterface
public interface IntegrityFailures {

    /** Posts the integrity-failure event of field {@code field} of {@code record} and returns the exception to throw. */
    IntegrityException failed(RecordRef record, String field);
}
