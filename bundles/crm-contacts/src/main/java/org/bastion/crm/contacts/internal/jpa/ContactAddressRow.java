package org.bastion.crm.contacts.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/**
 * One row of {@code crm_contact_address}: a postal address of a contact, every part encrypted but the type label.
 * Company addresses are not personal data and stay plaintext ({@link AddressRow}).
 */
@Embeddable
public class ContactAddressRow {

    @Column(name = "address_type", length = 50)
    private String type;

    @Column(name = "street", length = 1300)
    private String street;

    @Column(name = "city", length = 500)
    private String city;

    @Column(name = "region", length = 500)
    private String region;

    @Column(name = "postal_code", length = 200)
    private String postalCode;

    @Column(name = "country", length = 100)
    private String country;

    protected ContactAddressRow() {
    }

    public ContactAddressRow(String type, String street, String city, String region, String postalCode, String country) {
        this.type = type;
        this.street = street;
        this.city = city;
        this.region = region;
        this.postalCode = postalCode;
        this.country = country;
    }

    public String getType() {
        return type;
    }

    public String getStreet() {
        return street;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCountry() {
        return country;
    }
}
