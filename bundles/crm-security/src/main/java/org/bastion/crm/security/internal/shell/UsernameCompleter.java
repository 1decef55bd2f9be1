package org.bastion.crm.security.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserService;
import org.bastion.crm.shell.ItemCompleter;
import org.bastion.crm.shell.ShellText;

/** Completes usernames from the first {@link PageRequest#MAX_SIZE} users, with display name and status beside them. */
@Service
public class UsernameCompleter extends ItemCompleter<User> {

    @Reference
    UserService users;

    @Override
    protected List<User> items() {
        return users.list(new PageRequest(0, PageRequest.MAX_SIZE, List.of())).items();
    }

    @Override
    protected String value(User user) {
        return user.username();
    }

    @Override
    protected String description(User user) {
        return ShellText.cell(user.displayName()) + " (" + user.status() + ")";
    }
}
