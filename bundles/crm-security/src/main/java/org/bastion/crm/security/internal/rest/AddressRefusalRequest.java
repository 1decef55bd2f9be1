package org.bastion.crm.security.internal.rest;

/**
 * The body of {@code POST /security/address-refusals}.
 *
 * @param address the IPv4 or IPv6 address to refuse
 * @param minutes for how long, 1 to 525,600 (365 days)
 * @param reason why (one line, at most 500 characters), kept with the refusal and in the audit trail
 */
public record AddressRefusalRequest(String address, Long minutes, String reason) {
}
