package org.bastion.crm.api;

import java.security.Principal;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A JAAS principal that stands for a CRM caller: a login module adds one to the subject it authenticates, and code run
 * as that subject (the Karaf console) then acts as {@link #caller()}.
 */
@ConsumerType
public interface CallerPrincipal extends Principal {

    /** The caller this principal stands for. */
    Caller caller();
}
