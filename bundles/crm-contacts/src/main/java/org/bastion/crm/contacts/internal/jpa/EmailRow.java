package org.bastion.crm.contacts.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One row of {@code crm_contact_email}: an e-mail address of a contact, the address encrypted, the label plain. */
@Embeddable
public class EmailRow {

    @Column(name = "email_type", length = 50)
    private String type;

    @Column(name = "address", length = 1100, nullable = false)
    private String address;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected EmailRow() {
    }

    public EmailRow(String type, String address, boolean primary) {
        this.type = type;
        this.address = address;
        this.primary = primary;
    }

    public String getType() {
        return type;
    }

    /** The ciphertext of the address. */
    public String getAddress() {
        return address;
    }

    public boolean isPrimary() {
        return primary;
    }
}
