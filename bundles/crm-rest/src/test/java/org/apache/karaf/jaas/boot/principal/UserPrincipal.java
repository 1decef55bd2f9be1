package org.apache.karaf.jaas.boot.principal;

import java.security.Principal;

/** A stand-in for Karaf's JAAS user principal (same class name), for tests. */
public record UserPrincipal(String getName) implements Principal {
}
