package org.bastion.crm.itests.crash;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.Enrolment;
import org.bastion.crm.itests.support.Expect;
import org.bastion.crm.itests.support.Logins;

/**
 * The first administrator of a CRM the driver started, logged in from outside: password from
 * {@code CRM_ADMIN_PASSWORD}, the enrolment-only first session enrols TOTP, then a two-factor login gives the token the
 * crash suite writes with. Keeps the recovery codes for console logins ({@code bin/client}).
 */
public final class AdminOfProcess {

    private final String token;
    private final Enrolment enrolment;
    private final Deque<String> unusedRecoveryCodes;

    private AdminOfProcess(String token, Enrolment enrolment) {
        this.token = token;
        this.enrolment = enrolment;
        this.unusedRecoveryCodes = new ArrayDeque<>(enrolment.recoveryCodes());
    }

    /** Logs {@code admin} in for the first time (with TOTP enrolment) on a healthy CRM. */
    public static AdminOfProcess logIn(ApiClients clients, String password) {
        Logins logins = new Logins(clients);
        JsonNode first = Expect.json(200, logins.passwordStep("admin", password));
        assertTrue("the first admin must enrol TOTP first: " + first, first.path("totpEnrolmentRequired").asBoolean());
        String enrolmentToken = first.path("token").asText();
        Enrolment enrolment = logins.enrol(enrolmentToken);
        logins.logout(enrolmentToken);
        return new AdminOfProcess(logins.tokenWithTotp("admin", password, enrolment.app()), enrolment);
    }

    /** The admin's full (two-factor) token. */
    public String token() {
        return token;
    }

    /** A second factor for one console login: an unused recovery code, or a fresh TOTP code once they are used up. */
    public synchronized String consoleCode() {
        return unusedRecoveryCodes.isEmpty() ? enrolment.app().nextCode() : unusedRecoveryCodes.pop();
    }
}
