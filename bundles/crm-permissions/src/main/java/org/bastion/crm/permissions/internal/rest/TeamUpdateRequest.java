package org.bastion.crm.permissions.internal.rest;

/**
 * The body of {@code PUT /teams/{name}}.
 *
 * @param description what the team is from now on, or absent for none
 */
public record TeamUpdateRequest(String description) {
}
