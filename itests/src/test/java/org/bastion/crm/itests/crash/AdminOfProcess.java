package org.bastion.crm.itests.crash;

import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.bastion.crm.itests.support.ApiClients;
import org.bastion.crm.itests.support.Await;
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
        this(token, enrolment, new ArrayDeque<>(enrolment.recoveryCodes()));
    }

    private AdminOfProcess(String token, Enrolment enrolment, Deque<String> unusedRecoveryCodes) {
        this.token = token;
        this.enrolment = enrolment;
        this.unusedRecoveryCodes = unusedRecoveryCodes;
    }

    /** Logs {@code admin} in for the first time (with TOTP enrolment) on a healthy CRM. */
    public static AdminOfProcess logIn(ApiClients clients, String password) {
        Logins logins = new Logins(clients);
        // 404 while the whiteboard has not registered the login resource yet: nothing was checked, so nothing counted
        JsonNode first = Expect.json(200, Await.until("POST /api/v1/auth/login to be registered", Duration.ofMinutes(2),
                () -> logins.passwordStep("admin", password), answer -> answer.status() != 404 && answer.status() != 503));
        assertTrue("the first admin must enrol TOTP first: " + first, first.path("totpEnrolmentRequired").asBoolean());
        String enrolmentToken = first.path("token").asText();
        Enrolment enrolment = logins.enrol(enrolmentToken);
        logins.logout(enrolmentToken);
        AdminOfProcess admin = new AdminOfProcess(null, enrolment);
        // a recovery code, not the next TOTP step: the confirmation used the current step, the next is up to 30 s away
        return new AdminOfProcess(logins.tokenWithCode("admin", password, admin.consoleCode()), enrolment,
                admin.unusedRecoveryCodes);
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
