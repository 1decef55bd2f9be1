package org.bastion.crm.contacts.internal.jpa;

import java.time.LocalDateTime;

/**
 * The columns of one {@code crm_contact} row as stored, personal fields still encrypted: what both read paths hand
 * to {@link ContactCodec}, the JDBC one from a result row, the JPA one from a managed entity.
 *
 * @param id the contact's id
 * @param firstName ciphertext or null
 * @param lastName ciphertext or null
 * @param title ciphertext or null
 * @param companyId plaintext company id or null
 * @param owner plaintext owner id
 * @param notes ciphertext or null
 * @param birthday ciphertext of the ISO date, or null
 * @param createdAt UTC
 * @param updatedAt UTC
 * @param version the optimistic-locking version
 */
record ContactRow(String id, String firstName, String lastName, String title, String companyId, String owner,
                  String notes, String birthday, LocalDateTime createdAt, LocalDateTime updatedAt, long version) {

    /** The columns {@link #of(Object[])} reads, in its order. */
    static final String COLUMNS = "id, first_name, last_name, title, company_id, owner_id, notes, birthday, created_at,"
            + " updated_at, row_version";

    /** The row a select of {@link #COLUMNS} returned (timestamps as LocalDateTime). */
    static ContactRow of(Object[] c) {
        return new ContactRow((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4], (String) c[5],
                (String) c[6], (String) c[7], (LocalDateTime) c[8], (LocalDateTime) c[9], ((Number) c[10]).longValue());
    }

    /** The row a managed entity holds. */
    static ContactRow of(ContactEntity e) {
        return new ContactRow(e.getId(), e.getFirstName(), e.getLastName(), e.getTitle(), e.getCompanyId(), e.getOwner(),
                e.getNotes(), e.getBirthday(), e.getCreatedAt(), e.getUpdatedAt(), e.getVersion());
    }
}
