package com.example.deals.internal;

import java.util.List;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.osgi.service.component.annotations.Component;

// tag::permission-set[]
/** The permissions of deals, for the CRM's permission catalogue; each is granted per record scope (own, team, all). */
@Component(service = PermissionSet.class)
public final class DealsPermissionSet implements PermissionSet {

    public static final String READ = "read";
    public static final String WRITE = "write";
    public static final String DELETE = "delete";
    public static final String READ_SENSITIVE = "read-sensitive";
    public static final String WRITE_SENSITIVE = "write-sensitive";

    private static final List<PermissionDefinition> DEFINITIONS = List.of(
            scoped(READ, "Find, list and read deals, their notes excepted."),
            scoped(WRITE, "Create deals and change them, their notes excepted."),
            scoped(DELETE, "Delete deals."),
            scoped(READ_SENSITIVE, "Read the notes of deals."),
            scoped(WRITE_SENSITIVE, "Write the notes of deals."));

    @Override
    public List<PermissionDefinition> permissions() {
        return DEFINITIONS;
    }

    private static PermissionDefinition scoped(String action, String description) {
        return new PermissionDefinition("deals:" + action, description, true);
    }
}
// end::permission-set[]
