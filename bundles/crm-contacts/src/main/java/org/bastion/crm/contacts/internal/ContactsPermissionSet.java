package org.bastion.crm.contacts.internal;

import static org.bastion.crm.api.permissions.StandardPermissions.COMPANIES;
import static org.bastion.crm.api.permissions.StandardPermissions.CONTACTS;
import static org.bastion.crm.api.permissions.StandardPermissions.DELETE;
import static org.bastion.crm.api.permissions.StandardPermissions.EXPORT;
import static org.bastion.crm.api.permissions.StandardPermissions.READ;
import static org.bastion.crm.api.permissions.StandardPermissions.READ_SENSITIVE;
import static org.bastion.crm.api.permissions.StandardPermissions.WRITE;
import static org.bastion.crm.api.permissions.StandardPermissions.WRITE_SENSITIVE;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.osgi.service.component.annotations.Component;

/** The permissions the contacts bundle defines for contacts and companies, for the permission catalogue. */
@Component(service = PermissionSet.class)
public final class ContactsPermissionSet implements PermissionSet {

    private static final String SENSITIVE = String.join(", ", SensitiveFields.NAMES);

    private static final List<PermissionDefinition> DEFINITIONS = List.of(
            scoped(CONTACTS, READ, "Find, list and read contacts, their sensitive fields excepted."),
            scoped(CONTACTS, WRITE, "Create contacts and change them, their sensitive fields excepted."),
            scoped(CONTACTS, DELETE, "Delete contacts."),
            scoped(CONTACTS, READ_SENSITIVE, "Read the sensitive fields of contacts (" + SENSITIVE + ")."),
            scoped(CONTACTS, WRITE_SENSITIVE, "Set and change the sensitive fields of contacts (" + SENSITIVE
                    + ")."),
            new PermissionDefinition(CONTACTS + ":" + EXPORT, "Export contacts in bulk.", false),
            scoped(COMPANIES, READ, "Find, list and read companies."),
            scoped(COMPANIES, WRITE, "Create companies and change them."),
            scoped(COMPANIES, DELETE, "Delete companies no contact belongs to."));

    @Override
    public List<PermissionDefinition> permissions() {
        return DEFINITIONS;
    }

    private static PermissionDefinition scoped(String domain, String action, String description) {
        return new PermissionDefinition(domain + ":" + action, description, true);
    }
}
