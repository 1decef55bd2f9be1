package org.bastion.crm.security.internal.shell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.security.SessionInfo;
import org.bastion.crm.api.security.SessionService;

/** An in-memory {@link SessionService}: live sessions in a list, newest first. */
class FakeSessionService implements SessionService {

    final List<SessionInfo> live = new ArrayList<>();
    final List<String> revoked = new ArrayList<>();

    SessionInfo add(String id, String userId, String username, String channel, String userAgent) {
        Instant created = Instant.parse("2026-03-04T10:00:00Z");
        SessionInfo session = new SessionInfo(id, userId, username, channel, "192.0.2.7", userAgent, created,
                created.plusSeconds(60), created.plusSeconds(1800));
        live.add(0, session);
        return session;
    }

    @Override
    public List<SessionInfo> sessionsOf(String userId) {
        return live.stream().filter(session -> session.userId().equals(userId)).toList();
    }

    @Override
    public List<SessionInfo> all() {
        return List.copyOf(live);
    }

    @Override
    public void revoke(String sessionId) {
        if (!live.removeIf(session -> session.id().equals(sessionId))) {
            throw new NotFoundException("session", sessionId);
        }
        revoked.add(sessionId);
    }

    @Override
    public int revokeAllOf(String userId) {
        int before = live.size();
        live.removeIf(session -> session.userId().equals(userId));
        return before - live.size();
    }
}
