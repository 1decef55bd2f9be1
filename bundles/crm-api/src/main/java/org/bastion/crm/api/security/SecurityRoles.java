package org.bastion.crm.api.security;

import java.util.Set;

/** The names of the built-in roles; the permissions bundle gives them their rights. */
public final class SecurityRoles {

    /** Administrators: everything, including users, keys and the admin shell. */
    public static final String ADMIN = "admin";
    /** Sales managers: their team's customer data. */
    public static final String SALES_MANAGER = "sales-manager";
    /** Sales staff: their own customer data. */
    public static final String SALES = "sales";
    /** Support staff: read only. */
    public static final String SUPPORT = "support";
    /** Auditors: the audit log, read only. */
    public static final String AUDITOR = "auditor";
    /** The data protection officer: GDPR work. */
    public static final String DPO = "dpo";

    /** The role a new user gets when the administrator names none. */
    public static final String DEFAULT_ROLE = SALES;

    /** Every built-in role name. */
    public static final Set<String> BUILT_IN = Set.of(ADMIN, SALES_MANAGER, SALES, SUPPORT, AUDITOR, DPO);

    private SecurityRoles() {
    }
}
