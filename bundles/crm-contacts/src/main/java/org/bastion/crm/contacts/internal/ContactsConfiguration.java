package org.bastion.crm.contacts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the contacts service, PID {@value #PID} ({@code etc/org.bastion.crm.contacts.cfg}). */
@ObjectClassDefinition(id = ContactsConfiguration.PID, name = "Bastion CRM contacts",
        description = "How the contacts service normalises what users enter.")
public @interface ContactsConfiguration {

    /** The configuration PID. */
    String PID = "org.bastion.crm.contacts";

    @AttributeDefinition(name = "Default calling code", required = false,
            description = "Country calling code given to national phone numbers that start with 0, such as 49 for"
                    + " Germany or 44 for the UK. Empty: national numbers are kept as digits, not made E.164.")
    String defaultCallingCode() default "";
}
