package org.bastion.crm.api.contacts;

/**
 * A postal address.
 *
 * @param type a label such as {@code work}, {@code home} or {@code billing}
 * @param street street and number, possibly several lines
 * @param city city or locality
 * @param region state, province or county
 * @param postalCode postal or ZIP code
 * @param country ISO 3166-1 alpha-2 country code, upper case
 */
public record PostalAddress(String type, String street, String city, String region, String postalCode, String country) {
}
