package org.bastion.crm.api.crypto;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component (or field) of an API type with the tags of the data it holds; {@link FieldTags} reads
 * them. The API types are the one place where a field is declared personal or sensitive.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface DataTags {

    /** The tags; {@link FieldTag#SENSITIVE} implies {@link FieldTag#PERSONAL} whether listed or not. */
    FieldTag[] value();
}
