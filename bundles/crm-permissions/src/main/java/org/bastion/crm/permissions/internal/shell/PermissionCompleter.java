package org.bastion.crm.permissions.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.shell.ItemCompleter;
import org.bastion.crm.shell.ShellText;

/** Completes the permissions of the catalogue (without a scope), with what each allows beside it. */
@Service
public class PermissionCompleter extends ItemCompleter<PermissionDefinition> {

    @Reference
    RoleService roles;

    @Override
    protected List<PermissionDefinition> items() {
        return roles.catalogue();
    }

    @Override
    protected String value(PermissionDefinition definition) {
        return definition.permission();
    }

    @Override
    protected String description(PermissionDefinition definition) {
        return (definition.scoped() ? "(scoped) " : "") + ShellText.cell(definition.description());
    }
}
