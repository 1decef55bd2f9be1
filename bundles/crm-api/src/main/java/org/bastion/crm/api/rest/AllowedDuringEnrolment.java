package org.bastion.crm.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method a session restricted to enrolment ({@link AuthenticatedRequest#enrolmentOnly()}) may call;
 * such a session is refused every other operation. The request must spell the method's path exactly, by the rules of
 * {@link PublicEndpoint}, or it is refused (fail closed).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowedDuringEnrolment {
}
