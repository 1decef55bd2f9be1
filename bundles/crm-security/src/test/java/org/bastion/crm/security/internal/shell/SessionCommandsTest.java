package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionCommandsTest {

    private final FakeUserService users = new FakeUserService();
    private final FakeSessionService sessions = new FakeSessionService();
    private User admin;
    private User carol;

    @BeforeEach
    void setUp() {
        admin = users.add("admin", UserStatus.ACTIVE, Set.of("admin"), true);
        carol = users.add("carol", UserStatus.ACTIVE, Set.of("sales"), false);
        sessions.add("s-1", admin.id(), "admin", "rest", "curl/8.5");
        sessions.add("s-2", carol.id(), "carol", "rest", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome");
    }

    @Test
    void listsEveryLiveSessionNewestFirstWithoutTokens() {
        SessionListCommand command = list(null);

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.err()).isEmpty();
        assertThat(output.outLines().get(0)).contains("ID", "User", "Channel", "Address", "Created", "Last seen",
                "Expires", "User agent");
        assertThat(output.outLines().get(2)).startsWith("s-2").contains("carol", "rest", "192.0.2.7",
                "2026-03-04 10:00:00Z", "2026-03-04 10:01:00Z", "2026-03-04 10:30:00Z");
        assertThat(output.outLines().get(3)).startsWith("s-1").contains("admin", "curl/8.5");
        assertThat(output.outLines()).hasSize(4);
    }

    @Test
    void listsOneUsersSessionsByUsername() {
        ShellOutput output = ShellOutput.run(list("CAROL"));

        assertThat(output.outLines()).hasSize(3);
        assertThat(output.outLines().get(2)).startsWith("s-2");
    }

    @Test
    void reportsAnUnknownUserInOneLine() {
        ShellOutput output = ShellOutput.run(list("nobody"));

        assertThat(output.errLines()).containsExactly("Error: user 'nobody' not found");
    }

    @Test
    void saysSoWhenNoSessionIsLive() {
        sessions.live.clear();

        assertThat(ShellOutput.run(list(null)).out()).contains("no live sessions");
    }

    @Test
    void revokesASessionById() {
        SessionRevokeCommand command = revoke(" s-2 ");

        ShellOutput output = ShellOutput.run(command);

        assertThat(sessions.revoked).containsExactly("s-2");
        assertThat(output.outLines()).containsExactly("Session s-2 revoked");
    }

    @Test
    void reportsAnUnknownSessionInOneLine() {
        SessionRevokeCommand command = revoke("s-9");

        ShellOutput output = ShellOutput.run(command);

        assertThat(output.errLines()).containsExactly("Error: session s-9 not found");
        assertThat(sessions.live).hasSize(2);
    }

    @Test
    void refusesAnEmptySessionId() {
        SessionRevokeCommand command = revoke(" ");

        assertThat(ShellOutput.run(command).errLines()).containsExactly("Error: id: must not be empty");
    }

    private SessionListCommand list(String username) {
        SessionListCommand command = new SessionListCommand();
        command.users = users;
        command.sessions = sessions;
        command.username = username;
        return command;
    }

    private SessionRevokeCommand revoke(String sessionId) {
        SessionRevokeCommand command = new SessionRevokeCommand();
        command.sessions = sessions;
        command.sessionId = sessionId;
        return command;
    }
}
