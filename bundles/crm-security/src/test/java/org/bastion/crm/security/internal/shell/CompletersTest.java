package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.console.Candidate;
import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.security.SessionInfo;
import org.bastion.crm.api.security.User;
import org.bastion.crm.api.security.UserStatus;
import org.junit.jupiter.api.Test;

class CompletersTest {

    @Test
    void offersUsernamesWithNameAndStatus() {
        FakeUserService users = new FakeUserService();
        users.add("bob", UserStatus.DISABLED, Set.of("sales"), false);
        users.add("alice", UserStatus.ACTIVE, Set.of("admin"), true);
        UsernameCompleter completer = new UsernameCompleter();
        completer.users = users;
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).extracting(Candidate::value).containsExactly("alice", "bob");
        assertThat(candidates).extracting(Candidate::descr).containsExactly("Alice (ACTIVE)", "Bob (DISABLED)");
        assertThat(users.lastPage.size()).isEqualTo(PageRequest.MAX_SIZE);
    }

    @Test
    void offersNothingWhenTheServiceRefuses() {
        UsernameCompleter completer = new UsernameCompleter();
        completer.users = new FakeUserService() {
            @Override
            public Page<User> list(PageRequest request) {
                throw new AccessDeniedException("administrators only");
            }
        };
        SessionIdCompleter sessions = new SessionIdCompleter();
        sessions.sessions = new FakeSessionService() {
            @Override
            public List<SessionInfo> all() {
                throw new AccessDeniedException("administrators only");
            }
        };

        assertThat(completer.itemsOrNone()).isEmpty();
        assertThat(sessions.itemsOrNone()).isEmpty();
    }

    @Test
    void offersLiveSessionIdsWithUserChannelAndAddress() {
        FakeSessionService service = new FakeSessionService();
        service.add("s-1", "u-1", "alice", "rest", "curl");
        SessionIdCompleter completer = new SessionIdCompleter();
        completer.sessions = service;
        List<Candidate> candidates = new ArrayList<>();

        completer.completeCandidates(null, null, candidates);

        assertThat(candidates).extracting(Candidate::value).containsExactly("s-1");
        assertThat(candidates).extracting(Candidate::descr).containsExactly("alice rest 192.0.2.7");
    }
}
