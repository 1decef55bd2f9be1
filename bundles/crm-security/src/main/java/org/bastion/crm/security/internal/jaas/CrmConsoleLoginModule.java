package org.bastion.crm.security.internal.jaas;

import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.security.AuthenticationException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.CrmUserPrincipal;
import org.bastion.crm.api.security.SecurityRoles;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.osgi.framework.BundleContext;

/**
 * The login module of the CRM's {@code karaf} realm: asks for the username and for the password immediately followed
 * by the current 6-digit TOTP code, has {@link org.bastion.crm.api.security.Authenticator#verifyConsoleLogin} check
 * them (administrators with two-factor login only, throttled and audited there), and on success gives the subject
 * Karaf's user principal and the Karaf roles an administrator needs.
 *
 * <p>Every refusal is a {@link FailedLoginException} with the one message {@link #LOGIN_FAILED}, whatever the cause:
 * unknown user, wrong password or code, no second factor, not an administrator, throttled, or an SSH public key
 * (which cannot carry a second factor). The password is never logged and its characters are wiped after the check.
 */
public class CrmConsoleLoginModule implements LoginModule {

    /** The one message of every refused login. */
    static final String LOGIN_FAILED = AuthenticationException.LOGIN_FAILED;

    /** The Karaf roles of a CRM administrator: shell commands, system bundles, SSH ({@code sshRole}), web console. */
    static final List<String> KARAF_ROLES = List.of("admin", "manager", "viewer", "systembundles", "ssh");

    static final String USERNAME_PROMPT = "Username: ";
    static final String PASSWORD_PROMPT = "Password followed by the 6-digit code: ";

    private static final System.Logger LOG = System.getLogger(CrmConsoleLoginModule.class.getName());

    private Subject subject;
    private CallbackHandler callbackHandler;
    private AuthenticatorLookup authenticators;

    private String username;
    private Caller admitted;
    private final List<Principal> principals = new ArrayList<>();
    private boolean committed;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
            Map<String, ?> options) {
        this.subject = subject;
        this.callbackHandler = callbackHandler;
        Object context = options == null ? null : options.get(BundleContext.class.getName());
        this.authenticators = new AuthenticatorLookup(context instanceof BundleContext ? (BundleContext) context : null);
    }

    @Override
    public boolean login() throws LoginException {
        username = null;
        NameCallback name = new NameCallback(USERNAME_PROMPT);
        PasswordCallback password = new PasswordCallback(PASSWORD_PROMPT, false);
        try {
            ask(name, password);
            String typedName = name.getName() == null ? "" : name.getName().trim();
            char[] secret = password.getPassword();
            if (typedName.isEmpty() || secret == null || secret.length == 0) {
                throw failed();
            }
            ClientInfo client = ConsoleClient.of(subject);
            String passwordAndCode = new String(secret);
            Arrays.fill(secret, '\0');
            Caller caller = authenticators.call(authenticator -> verify(authenticator, typedName, passwordAndCode, client));
            if (!caller.authenticated() || !caller.roles().contains(SecurityRoles.ADMIN)) {
                throw failed();
            }
            username = typedName.toLowerCase(Locale.ROOT);
            admitted = caller;
            return true;
        } finally {
            password.clearPassword();
        }
    }

    private void ask(Callback... callbacks) throws LoginException {
        if (callbackHandler == null) {
            throw failed();
        }
        try {
            callbackHandler.handle(callbacks);
        } catch (UnsupportedCallbackException | IOException e) {
            // e.g. an SSH public key login: it cannot carry the second factor
            throw failed();
        }
    }

    private static Caller verify(Authenticator authenticator, String username,
            String passwordAndCode, ClientInfo client) throws LoginException {
        try {
            Caller caller = authenticator.verifyConsoleLogin(username, passwordAndCode, client);
            if (caller == null) {
                throw failed();
            }
            return caller;
        } catch (AuthenticationException | TooManyAttemptsException e) {
            throw failed();
        } catch (RuntimeException e) {
            // the class only: a message might quote what was typed
            LOG.log(System.Logger.Level.WARNING, "Console login could not be checked: {0}", e.getClass().getName());
            throw failed();
        }
    }

    private static FailedLoginException failed() {
        FailedLoginException failure = new FailedLoginException(LOGIN_FAILED);
        failure.setStackTrace(new StackTraceElement[0]);
        return failure;
    }

    @Override
    public boolean commit() {
        if (username == null) {
            return false;
        }
        principals.clear();
        principals.add(new UserPrincipal(username));
        principals.add(new CrmUserPrincipal(admitted.id(), username, admitted.roles()));
        for (String role : KARAF_ROLES) {
            principals.add(new RolePrincipal(role));
        }
        subject.getPrincipals().addAll(principals);
        committed = true;
        return true;
    }

    @Override
    public boolean abort() {
        if (username == null) {
            return false;
        }
        if (committed) {
            logout();
        }
        username = null;
        return true;
    }

    @Override
    public boolean logout() {
        if (subject != null && !subject.isReadOnly()) {
            subject.getPrincipals().removeAll(principals);
        }
        principals.clear();
        committed = false;
        username = null;
        admitted = null;
        return true;
    }
}
