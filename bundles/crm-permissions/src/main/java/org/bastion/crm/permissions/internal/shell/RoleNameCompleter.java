package org.bastion.crm.permissions.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.permissions.Role;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.shell.ItemCompleter;
import org.bastion.crm.shell.ShellText;

/** Completes role names, built-in and custom, with each role's description beside it. */
@Service
public class RoleNameCompleter extends ItemCompleter<Role> {

    @Reference
    RoleService roles;

    @Override
    protected List<Role> items() {
        return roles.list();
    }

    @Override
    protected String value(Role role) {
        return role.name();
    }

    @Override
    protected String description(Role role) {
        return (role.builtIn() ? "(built-in) " : "") + ShellText.cell(role.description());
    }
}
