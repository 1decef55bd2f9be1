package org.bastion.crm.rest.internal.caller;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.security.PrivilegedAction;
import java.util.Set;

import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerPrincipal;
import org.bastion.crm.api.security.ClientInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadCallerContextTest {

    private final ThreadCallerContext context = new ThreadCallerContext();

    @AfterEach
    void unbind() {
        RequestCaller.clear();
        RequestClient.clear();
    }

    @Test
    void aRestRequestsClientIsItsAddressAndUserAgentOnChannelRest() {
        RequestCaller.set(Caller.ANONYMOUS);
        RequestClient.set(ClientInfo.sanitised("198.51.100.4", "curl/8", "rest"));

        assertThat(context.client()).isEqualTo(new ClientInfo("198.51.100.4", "curl/8", "rest"));
    }

    @Test
    void anSshSessionsClientIsTheSshClientsHostOnChannelSsh() {
        ClientInfo client = clientOf(subject(new UserPrincipal("alice"), new ClientPrincipal("ssh",
                "/203.0.113.9:50022")));

        assertThat(client.channel()).isEqualTo("ssh");
        assertThat(client.address()).isEqualTo("203.0.113.9");
    }

    @Test
    void theLocalConsoleIsChannelConsoleAndAThreadWithoutRequestOrSessionIsTheSystem() {
        assertThat(clientOf(subject(new UserPrincipal("karaf"), new ClientPrincipal("local", "localhost")))
                .channel()).isEqualTo("console");
        assertThat(context.client().channel()).isEqualTo("system");
        assertThat(context.client().address()).isEqualTo("unknown");
    }

    @SuppressWarnings("removal")
    private ClientInfo clientOf(Subject subject) {
        return Subject.doAs(subject, (PrivilegedAction<ClientInfo>) context::client);
    }

    @Test
    void withoutRequestOrSubjectTheCallerIsAnonymous() {
        assertThat(context.current()).isEqualTo(Caller.ANONYMOUS);
    }

    @Test
    void requestCallerComesFirst() {
        Caller alice = new Caller("alice", "Alice", Set.of(), true);
        RequestCaller.set(alice);
        assertThat(runAs(subject(new UserPrincipal("bob")))).isEqualTo(alice);
    }

    @Test
    void shellCommandsRunAsTheKarafUserOfTheirSubject() {
        Principal role = () -> "admin";
        Caller caller = runAs(subject(role, new UserPrincipal("karaf-admin")));
        assertThat(caller.id()).isEqualTo("karaf-admin");
        assertThat(caller.authenticated()).isTrue();
    }

    @Test
    void karafRolePrincipalsBecomeTheCallersRolesButOtherPrincipalsDoNot() {
        Principal lookalike = () -> "auditor";
        Caller caller = runAs(subject(new RolePrincipal("admin"), new RolePrincipal("ssh"), lookalike,
                new UserPrincipal("karaf")));
        assertThat(caller.roles()).containsExactlyInAnyOrder("admin", "ssh");
    }

    @Test
    void aConsoleLoginsCallerPrincipalActsAsThatCallerWithItsCrmRoles() {
        Caller caller = runAs(subject(new UserPrincipal("alice"), new RolePrincipal("admin"), new RolePrincipal("ssh"),
                new ConsolePrincipal(new Caller("2f1c-uuid", "alice", Set.of("admin"), true))));
        assertThat(caller).isEqualTo(new Caller("2f1c-uuid", "alice", Set.of("admin"), true));
    }

    @Test
    void subjectWithoutUserPrincipalIsAnonymous() {
        Principal role = () -> "admin";
        assertThat(runAs(subject(role))).isEqualTo(Caller.ANONYMOUS);
    }

    /** What a login module of any bundle adds for the CRM caller it admitted. */
    record ConsolePrincipal(Caller caller) implements CallerPrincipal {
        @Override
        public String getName() {
            return caller.displayName();
        }
    }

    private static Subject subject(Principal... principals) {
        return new Subject(true, Set.of(principals), Set.of(), Set.of());
    }

    @SuppressWarnings("removal")
    private Caller runAs(Subject subject) {
        return Subject.doAs(subject, (PrivilegedAction<Caller>) context::current);
    }
}
