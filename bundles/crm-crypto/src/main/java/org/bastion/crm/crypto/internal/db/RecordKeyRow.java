package org.bastion.crm.crypto.internal.db;

/**
 * One row of {@code crm_record_key}: a record's key, wrapped by a field data key version.
 *
 * @param kind the record's kind
 * @param id the record's id
 * @param keyVersion the field data key version wrapping it
 * @param wrapped the key, wrapped with RFC 5649
 */
public record RecordKeyRow(String kind, String id, int keyVersion, byte[] wrapped) {
}
