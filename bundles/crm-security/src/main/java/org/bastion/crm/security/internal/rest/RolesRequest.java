package org.bastion.crm.security.internal.rest;

import java.util.List;

/**
 * The body of {@code PUT /users/{id}/roles}.
 *
 * @param roles the roles the user is to hold from now on, replacing the ones held (at least one)
 */
public record RolesRequest(List<String> roles) {
}
