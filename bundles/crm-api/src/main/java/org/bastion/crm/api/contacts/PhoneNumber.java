package org.bastion.crm.api.contacts;

/**
 * A telephone number of a contact.
 *
 * @param type a label such as {@code mobile}, {@code work} or {@code home}
 * @param number the number, normalised to E.164 ({@code +4930123456}) where the service could, else as given without punctuation
 */
public record PhoneNumber(String type, String number) {
}
