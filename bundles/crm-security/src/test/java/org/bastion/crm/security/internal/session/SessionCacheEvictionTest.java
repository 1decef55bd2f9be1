package org.bastion.crm.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;

import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.security.internal.SecurityFixture;
import org.bastion.crm.security.internal.db.UserRepository;
import org.bastion.crm.security.internal.db.UserRow;
import org.junit.jupiter.api.Test;

class SessionCacheEvictionTest {

    private final SecurityFixture f = new SecurityFixture();
    private final ClientInfo client = SecurityFixture.client("192.0.2.1");
    private final SessionRegistry registry = new SessionRegistry(f.database, f.policy, f.directory, f.publisher, f.clock,
            new SecureRandom(), 3);

    @Test
    void aFullCacheEvictsOnlyTheLeastRecentlyUsedSession() {
        String userId = f.createUser("alice").id();
        UserRow alice = f.database.read(c -> UserRepository.findById(c, userId)).orElseThrow();
        String first = registry.open(alice, client, false).token();
        String second = registry.open(alice, client, false).token();
        String third = registry.open(alice, client, false).token();
        String fourth = registry.open(alice, client, false).token();
        registry.authenticate(first).orElseThrow();
        registry.authenticate(second).orElseThrow();
        registry.authenticate(third).orElseThrow();
        registry.authenticate(first).orElseThrow();

        registry.authenticate(fourth).orElseThrow();

        assertThat(registry.cachedSessions()).isEqualTo(3);
        assertThat(registry.caches(first)).as("used recently: kept").isTrue();
        assertThat(registry.caches(second)).as("least recently used: evicted").isFalse();
        assertThat(registry.caches(third)).isTrue();
        assertThat(registry.caches(fourth)).isTrue();
        assertThat(registry.authenticate(second)).as("an evicted session still resolves from the database")
                .isPresent();
    }
}
