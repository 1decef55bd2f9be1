package org.bastion.crm.security.internal.rest;

import java.util.List;

/**
 * The recovery codes of a confirmed TOTP enrolment, shown this once.
 *
 * @param recoveryCodes ten single-use codes that stand in for a TOTP code
 */
public record RecoveryCodesBody(List<String> recoveryCodes) {

    @Override
    public String toString() {
        return "RecoveryCodesBody[" + recoveryCodes.size() + " codes]";
    }
}
