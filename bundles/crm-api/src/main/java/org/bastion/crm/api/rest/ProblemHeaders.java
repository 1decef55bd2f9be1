package org.bastion.crm.api.rest;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by a {@link org.bastion.crm.api.CrmException} whose problem answer carries headers besides its body,
 * such as {@code WWW-Authenticate} on a 401 or {@code Retry-After} on a 429; the REST application adds them as given
 * (never {@code Content-Type} or {@code Content-Length}).
 */
@ConsumerType
public interface ProblemHeaders {

    /** The headers to add, by name; an empty map adds none. */
    Map<String, String> problemHeaders();
}
