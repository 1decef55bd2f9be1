package org.bastion.crm.contacts.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** One row of {@code crm_contact_phone}: a telephone number of a contact, the number encrypted, the label plain. */
@Embeddable
public class PhoneRow {

    @Column(name = "phone_type", length = 50)
    private String type;

    @Column(name = "phone_number", length = 200, nullable = false)
    private String number;

    protected PhoneRow() {
    }

    public PhoneRow(String type, String number) {
        this.type = type;
        this.number = number;
    }

    public String getType() {
        return type;
    }

    /** The ciphertext of the number. */
    public String getNumber() {
        return number;
    }
}
