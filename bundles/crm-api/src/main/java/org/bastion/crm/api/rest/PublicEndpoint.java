package org.bastion.crm.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method of the CRM application that answers without a session (as
 * {@link org.bastion.crm.api.Caller#ANONYMOUS}). Fail closed: a request is public only when its method is one the
 * resource method declares ({@code GET} includes {@code HEAD}) and its raw, undecoded path spells the method's path
 * exactly: each literal segment as written, each template parameter one segment of letters, digits, {@code -} and
 * {@code _} in dot-separated parts. Percent-encoding, matrix parameters, dot segments, empty segments and a trailing
 * slash (unless {@link #trailingSlash}) always need a session, even when they reach the same resource method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicEndpoint {

    /** Whether the path with one trailing slash is public too (a page that redirects to its form without it). */
    boolean trailingSlash() default false;
}
