package org.bastion.crm.permissions.internal.rest;

/**
 * The body of {@code POST /teams}.
 *
 * @param name the new team's name (lower case letters, digits and '-')
 * @param description what the team is, or absent
 */
public record NewTeamRequest(String name, String description) {
}
