package org.bastion.crm.permissions.internal.shell;

import java.util.Comparator;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/** {@code crm:permission-list}: the permissions the installed bundles define, sorted, with scope and description. */
@Service
@Command(scope = "crm", name = "permission-list", description = "Lists the permissions roles can grant")
public class PermissionListCommand extends CrmAction {

    @Reference
    RoleService roles;

    @Override
    protected void run() {
        ShellTable table = new ShellTable().emptyTableText("no permissions defined");
        table.column("Permission");
        table.column("Scoped");
        table.column("Description");
        roles.catalogue().stream().sorted(Comparator.comparing(PermissionDefinition::permission))
                .forEach(definition -> table.addRow().addContent(ShellText.cell(definition.permission()),
                        definition.scoped() ? "yes" : "no", ShellText.cell(definition.description())));
        table.print(out());
    }
}
