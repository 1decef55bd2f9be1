package org.bastion.crm.permissions.internal.rest;

/**
 * A team member on the wire.
 *
 * @param id the user's id
 * @param username the user's login name; absent when the user directory does not know the id (or is not running)
 */
public record MemberBody(String id, String username) {
}
