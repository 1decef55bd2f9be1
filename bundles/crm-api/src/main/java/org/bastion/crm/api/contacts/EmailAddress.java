package org.bastion.crm.api.contacts;

/**
 * An e-mail address of a contact.
 *
 * @param type a label such as {@code work} or {@code home}
 * @param address the address, validated and stored with its domain in lower case
 * @param primary whether this is the contact's primary address (at most one is)
 */
public record EmailAddress(String type, String address, boolean primary) {
}
