package org.bastion.crm.api.permissions;

/**
 * What an administrator gives to create a team or change its description.
 *
 * @param name the team's name (ignored on update)
 * @param description what the team is, or null
 */
public record TeamDraft(String name, String description) {
}
