package org.bastion.crm.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.security.User;
import org.bastion.crm.shell.ShellText;

/** {@code crm:user-list}: one page of users ordered by username, with status, roles and two-factor state. */
@Service
@Command(scope = "crm", name = "user-list", description = "Lists the CRM users, one page at a time")
public class UserListCommand extends UserAction {

    @Option(name = "--page", description = "Which page, counting from 1 (default 1)")
    int page = 1;

    @Option(name = "--size", description = "Users per page, 1 to 200 (default 50)")
    int size = 50;

    @Override
    protected void run() {
        if (page < 1) {
            throw ValidationException.of("page", "must be 1 or more");
        }
        Page<User> result = users.list(new PageRequest(page - 1, size, List.of()));
        ShellTable table = new ShellTable().emptyTableText("no users");
        table.column("Username");
        table.column("Name");
        table.column("Status");
        table.column("Roles");
        table.column("2FA");
        table.column("Last login");
        for (User user : result.items()) {
            table.addRow().addContent(ShellText.cell(user.username()), ShellText.cell(user.displayName()),
                    user.status(), ShellText.sortedList(user.roles()), twoFactor(user),
                    ShellText.timestamp(user.lastLoginAt()));
        }
        table.print(out());
        out().println("Page " + page + " of " + result.pageCount() + " (" + result.total() + " users)");
    }

    /** {@code on}, {@code off}, or {@code missing} when a role requires it and the user has not enrolled. */
    static String twoFactor(User user) {
        if (user.totpEnabled()) {
            return "on";
        }
        return user.totpRequired() ? "missing" : "off";
    }
}
