package org.bastion.crm.security.internal.jaas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.security.Principal;
import java.time.Duration;
import java.util.Set;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.bastion.crm.api.security.CrmUserPrincipal;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.security.Authenticator;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.api.security.TooManyAttemptsException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Logs in through the realm as Karaf does: a {@link LoginContext} on the realm's entries, Karaf's
 * {@link ProxyLoginModule} loading {@link CrmConsoleLoginModule} from "our bundle", which borrows the Authenticator
 * service through the bundle context in the options.
 */
class KarafRealmLoginTest {

    private static final long BUNDLE_ID = 42;

    private final FakeAuthenticator authenticator = new FakeAuthenticator();
    private final BundleContext context = mock(BundleContext.class);
    @SuppressWarnings("unchecked")
    private final ServiceReference<Authenticator> reference = mock(ServiceReference.class);
    private Configuration configuration;

    @BeforeEach
    void setUp() throws Exception {
        Bundle bundle = mock(Bundle.class);
        when(bundle.getBundleId()).thenReturn(BUNDLE_ID);
        doAnswer(call -> Class.forName(call.getArgument(0))).when(bundle).loadClass(anyString());
        when(context.getBundle()).thenReturn(bundle);
        when(context.getBundle(BUNDLE_ID)).thenReturn(bundle);
        when(context.getServiceReference(Authenticator.class)).thenReturn(reference);
        when(context.getService(reference)).thenReturn(authenticator);
        ProxyLoginModule.init(context);
        CrmKarafRealm realm = new CrmKarafRealm(context);
        configuration = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return realm.getName().equals(name) ? realm.getEntries() : null;
            }
        };
    }

    @Test
    void admitsAnAdministratorWithPasswordAndCodeAndGivesKarafsPrincipals() throws LoginException {
        Subject subject = sshSubject("/127.0.0.1:50022");

        login(subject, "Alice", FakeAuthenticator.PASSWORD_AND_CODE);

        assertThat(subject.getPrincipals(UserPrincipal.class)).extracting(Principal::getName).containsExactly("alice");
        assertThat(subject.getPrincipals(RolePrincipal.class)).extracting(Principal::getName)
                .containsExactlyInAnyOrder("admin", "manager", "viewer", "systembundles", "ssh");
        CrmUserPrincipal crmUser = subject.getPrincipals(CrmUserPrincipal.class).iterator().next();
        assertThat(crmUser.userId()).isEqualTo(authenticator.admits.id());
        assertThat(crmUser.roles()).isEqualTo(authenticator.admits.roles());
        assertThat(authenticator.lastUsername).isEqualTo("Alice");
        assertThat(authenticator.lastPassword).isEqualTo(FakeAuthenticator.PASSWORD_AND_CODE);
        assertThat(authenticator.lastClient).isEqualTo(new ClientInfo("127.0.0.1", "", "ssh"));
        verify(context).ungetService(reference);
    }

    @Test
    void logoutRemovesThePrincipalsItAddedAndKeepsTheOthers() throws LoginException {
        Subject subject = sshSubject("/127.0.0.1:50022");
        LoginContext login = login(subject, "alice", FakeAuthenticator.PASSWORD_AND_CODE);

        login.logout();

        assertThat(subject.getPrincipals()).containsExactly(new ClientPrincipal("ssh", "/127.0.0.1:50022"));
    }

    @Test
    void refusesAWrongPasswordOrCodeWithTheOneMessageAndNoPrincipals() {
        Subject subject = sshSubject("/10.0.0.9:4000");

        assertThatThrownBy(() -> login(subject, "alice", "correct horse battery staple" + "654321"))
                .isInstanceOfSatisfying(FailedLoginException.class, e -> assertFailure(e));
        assertThatThrownBy(() -> login(subject, "nobody", FakeAuthenticator.PASSWORD_AND_CODE))
                .isInstanceOfSatisfying(FailedLoginException.class, e -> assertFailure(e));

        assertThat(subject.getPrincipals()).hasSize(1);
        assertThat(authenticator.calls).isEqualTo(2);
        assertThat(authenticator.lastClient.address()).isEqualTo("10.0.0.9");
    }

    @Test
    void refusesAThrottledLoginWithTheSameMessage() {
        authenticator.failure = new TooManyAttemptsException(Duration.ofMinutes(5));

        assertThatThrownBy(() -> login(sshSubject("/127.0.0.1:1"), "alice", FakeAuthenticator.PASSWORD_AND_CODE))
                .isInstanceOfSatisfying(FailedLoginException.class, e -> assertFailure(e));
    }

    @Test
    void refusesACallerWithoutTheAdminRoleEvenIfTheServiceLetItThrough() {
        authenticator.admits = new Caller("u-2", "Bob", Set.of("sales"), true);

        assertThatThrownBy(() -> login(sshSubject("/127.0.0.1:1"), "alice", FakeAuthenticator.PASSWORD_AND_CODE))
                .isInstanceOfSatisfying(FailedLoginException.class, e -> assertFailure(e));
    }

    @Test
    void refusesAnSshPublicKeyLoginWithoutAskingTheService() {
        CallbackHandler publicKeyOnly = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName("alice");
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };

        assertThatThrownBy(() -> new LoginContext("karaf", sshSubject("/127.0.0.1:1"), publicKeyOnly, configuration)
                .login()).isInstanceOfSatisfying(FailedLoginException.class, e -> assertFailure(e));
        assertThat(authenticator.calls).isZero();
    }

    @Test
    void refusesAnEmptyUsernameOrPasswordWithoutAskingTheService() {
        assertThatThrownBy(() -> login(sshSubject("/127.0.0.1:1"), " ", FakeAuthenticator.PASSWORD_AND_CODE))
                .isInstanceOf(FailedLoginException.class);
        assertThatThrownBy(() -> login(sshSubject("/127.0.0.1:1"), "alice", ""))
                .isInstanceOf(FailedLoginException.class);
        assertThat(authenticator.calls).isZero();
    }

    @Test
    void turnsAnUnexpectedServiceFailureIntoTheOneMessageWithoutItsText() {
        authenticator.failure = new IllegalStateException("cannot hash " + FakeAuthenticator.PASSWORD_AND_CODE);

        assertThatThrownBy(() -> login(sshSubject("/127.0.0.1:1"), "alice", FakeAuthenticator.PASSWORD_AND_CODE))
                .isInstanceOfSatisfying(FailedLoginException.class, e -> assertFailure(e));
        authenticator.failure = new ServiceUnavailableException("database down");
        assertThatThrownBy(() -> login(sshSubject("/127.0.0.1:1"), "alice", FakeAuthenticator.PASSWORD_AND_CODE))
                .isInstanceOfSatisfying(FailedLoginException.class, e -> assertFailure(e));
    }

    @Test
    void failsWithALoginExceptionAndNoStackTraceWhenTheAuthenticatorIsMissing() {
        when(context.getServiceReference(Authenticator.class)).thenReturn(null);

        assertThatThrownBy(() -> login(sshSubject("/127.0.0.1:1"), "alice", FakeAuthenticator.PASSWORD_AND_CODE))
                .isInstanceOfSatisfying(LoginException.class, e -> {
                    assertThat(e).isNotInstanceOf(FailedLoginException.class);
                    assertThat(e.getMessage()).isEqualTo(AuthenticatorLookup.UNAVAILABLE);
                    assertThat(e.getCause()).isNull();
                    assertThat(e.getStackTrace()).isEmpty();
                });
    }

    @Test
    void failsWithALoginExceptionWhenOurBundleHasStopped() {
        when(context.getServiceReference(Authenticator.class)).thenThrow(new IllegalStateException("invalid context"));

        assertThatThrownBy(() -> login(sshSubject("/127.0.0.1:1"), "alice", FakeAuthenticator.PASSWORD_AND_CODE))
                .isInstanceOf(LoginException.class).hasMessage(AuthenticatorLookup.UNAVAILABLE);
    }

    @Test
    void namesTheWebConsoleAndJmxChannelsAndTheirAddresses() throws LoginException {
        Subject web = new Subject();
        web.getPrincipals().add(new ClientPrincipal("webconsole", "192.0.2.1:51000"));
        login(web, "alice", FakeAuthenticator.PASSWORD_AND_CODE);
        assertThat(authenticator.lastClient).isEqualTo(new ClientInfo("192.0.2.1", "", "webconsole"));

        Subject jmx = new Subject();
        jmx.getPrincipals().add(new ClientPrincipal("jmx", "127.0.0.1"));
        login(jmx, "alice", FakeAuthenticator.PASSWORD_AND_CODE);
        assertThat(authenticator.lastClient).isEqualTo(new ClientInfo("127.0.0.1", "", "jmx"));

        login(new Subject(), "alice", FakeAuthenticator.PASSWORD_AND_CODE);
        assertThat(authenticator.lastClient).isEqualTo(new ClientInfo("unknown", "", "console"));
    }

    private LoginContext login(Subject subject, String username, String password) throws LoginException {
        CallbackHandler handler = callbacks -> {
            for (Callback callback : callbacks) {
                if (callback instanceof NameCallback name) {
                    name.setName(username);
                } else if (callback instanceof PasswordCallback secret) {
                    secret.setPassword(password.toCharArray());
                } else {
                    throw new UnsupportedCallbackException(callback);
                }
            }
        };
        LoginContext login = new LoginContext("karaf", subject, handler, configuration);
        login.login();
        return login;
    }

    private static Subject sshSubject(String address) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new ClientPrincipal("ssh", address));
        return subject;
    }

    private static void assertFailure(FailedLoginException e) {
        assertThat(e.getMessage()).isEqualTo(CrmConsoleLoginModule.LOGIN_FAILED);
        assertThat(e.getCause()).isNull();
        assertThat(e.getMessage()).doesNotContain(FakeAuthenticator.PASSWORD_AND_CODE);
    }
}
