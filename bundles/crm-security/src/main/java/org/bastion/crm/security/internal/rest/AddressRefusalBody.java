package org.bastion.crm.security.internal.rest;

import java.time.Instant;

import org.bastion.crm.api.security.AccessRestrictions.AddressRefusal;

/**
 * An address refusal as the REST API shows it.
 *
 * @param address the refused address (canonical form)
 * @param until when the refusal ends by itself
 * @param reason why it was refused
 * @param by the id of who refused it
 */
public record AddressRefusalBody(String address, Instant until, String reason, String by) {

    /** The body of {@code refusal}. */
    static AddressRefusalBody of(AddressRefusal refusal) {
        return new AddressRefusalBody(refusal.address(), refusal.until(), refusal.reason(), refusal.by());
    }
}
