package org.bastion.crm.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the JSON members a draft type accepts and ignores when reading (those the server sets on the stored record,
 * such as {@code id} or {@code version}), so a client can PUT back the representation it got; they are still written
 * when the type itself has them. Read by the REST application's JSON mapper for any type, whichever bundle owns it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ReadOnlyMembers {

    /** The member names. */
    String[] value();
}
