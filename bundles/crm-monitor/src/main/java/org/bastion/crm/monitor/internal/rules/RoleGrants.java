package org.bastion.crm.monitor.internal.rules;

import org.bastion.crm.api.permissions.RoleService;
import org.bastion.crm.monitor.internal.SystemCaller;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Answers whether a role grants every permission ({@code *}), asking the role service as the system. */
@Component(service = RoleGrants.class)
public class RoleGrants {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RoleService roles;

    /** Whether {@code role} is {@code admin} or holds {@code *} (false when the role service is missing). */
    public boolean grantsEverything(String role) {
        if (role.equals(PrivilegeChangeRule.ADMIN)) {
            return true;
        }
        RoleService current = roles;
        if (current == null) {
            return false;
        }
        return SystemCaller.call(() -> current.find(role)).map(found -> found.permissions().contains("*"))
                .orElse(false);
    }
}
