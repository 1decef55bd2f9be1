package org.bastion.crm.contacts.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/**
 * The address columns of a row: plaintext in {@code crm_company}, ciphertext in {@code crm_contact_address} (the
 * contact codec seals every part). Column widths live in the migrations, the only schema; none is given here.
 */
@Embeddable
public class AddressRow {

    @Column(name = "address_type")
    private String type;

    @Column(name = "street")
    private String street;

    @Column(name = "city")
    private String city;

    @Column(name = "region")
    private String region;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "country")
    private String country;

    protected AddressRow() {
    }

    public AddressRow(String type, String street, String city, String region, String postalCode, String country) {
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

    /** Whether every column is empty (how an absent company address comes back from the database). */
    public boolean isEmpty() {
        return type == null && street == null && city == null && region == null && postalCode == null && country == null;
    }
}
