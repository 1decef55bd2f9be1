package org.bastion.crm.contacts.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the contacts service, PID {@value #PID} ({@code etc/org.bastion.crm.contacts.cfg}). */
@ObjectClassDefinition(id = ContactsConfiguration.PID, name = "Bastion CRM contacts",
        description = "How the contacts service normalises what users enter and sorts what they list.")
public @interface ContactsConfiguration {

    /** The configuration PID. */
    String PID = "org.bastion.crm.contacts";

    /** The default of {@link #nameSortLimit()}. */
    int DEFAULT_NAME_SORT_LIMIT = 5000;

    @AttributeDefinition(name = "Default calling code", required = false,
            description = "Country calling code given to national phone numbers that start with 0, such as 49 for"
                    + " Germany or 44 for the UK. Empty: national numbers are kept as digits, not made E.164.")
    String defaultCallingCode() default "";

    @AttributeDefinition(name = "Name sort limit", min = "0",
            description = "Names are encrypted, so a list sorted by firstName or lastName is decrypted and sorted in"
                    + " memory: such a sort is refused (400) when more contacts than this match the search.")
    int nameSortLimit() default DEFAULT_NAME_SORT_LIMIT;
}
