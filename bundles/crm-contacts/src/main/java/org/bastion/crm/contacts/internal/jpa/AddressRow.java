package org.bastion.crm.contacts.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Embeddable;

/** The plaintext address columns of {@code crm_company} (contact addresses are encrypted: {@link ContactAddressRow}). */
@Embeddable
public class AddressRow {

    @Column(name = "address_type", length = 50)
    private String type;

    @Column(name = "street", length = 300)
    private String street;

    @Column(name = "city", length = 100)
    private String city;

    @Column(name = "region", length = 100)
    private String region;

    @Column(name = "postal_code", length = 20)
    private String postalCode;

    @Column(name = "country", length = 2)
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
