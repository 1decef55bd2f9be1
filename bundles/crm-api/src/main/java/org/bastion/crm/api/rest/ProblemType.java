package org.bastion.crm.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the HTTP answer of a {@link org.bastion.crm.api.CrmException} subclass: the REST application answers it with
 * a problem+json body of this status, the exception's {@code code()} as the problem type and this title. Inherited:
 * a subclass answers like its nearest annotated superclass unless it declares its own. A CRM exception with no
 * declaration anywhere in its hierarchy answers 400. Extra headers (a challenge, a {@code Retry-After}) come from
 * {@link ProblemHeaders}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ProblemType {

    /** The HTTP status, 400 to 599. */
    int status();

    /** The problem's title; empty for the status's own title ({@link HttpProblems#titleOf}). */
    String title() default "";
}
