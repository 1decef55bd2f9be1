package org.bastion.crm.contacts.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One row of {@code crm_contact_email}: an e-mail address of a contact, with its lower-cased form for look-ups. */
@Embeddable
public class EmailRow {

    @Column(name = "email_type", length = 50)
    private String type;

    @Column(name = "address", length = 254, nullable = false)
    private String address;

    @Column(name = "address_lower", length = 254, nullable = false)
    private String addressLower;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    protected EmailRow() {
    }

    public EmailRow(String type, String address, boolean primary) {
        this.type = type;
        this.address = address;
        this.addressLower = address.toLowerCase(java.util.Locale.ROOT);
        this.primary = primary;
    }

    public String getType() {
        return type;
    }

    public String getAddress() {
        return address;
    }

    public boolean isPrimary() {
        return primary;
    }
}
