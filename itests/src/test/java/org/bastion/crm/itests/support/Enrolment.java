package org.bastion.crm.itests.support;

import java.util.List;

/**
 * A confirmed TOTP enrolment: the app holding the secret and the recovery codes the confirmation returned.
 *
 * @param app the authenticator app set up with the enrolment's secret
 * @param recoveryCodes the ten single-use recovery codes, as the server showed them once
 */
public record Enrolment(AuthenticatorApp app, List<String> recoveryCodes) {

    public Enrolment {
        recoveryCodes = List.copyOf(recoveryCodes);
    }

    @Override
    public String toString() {
        return "Enrolment[codes=***]";
    }
}
