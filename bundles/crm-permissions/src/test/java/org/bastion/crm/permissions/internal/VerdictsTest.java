package org.bastion.crm.permissions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.bastion.crm.permissions.internal.role.RoleTable;
import org.junit.jupiter.api.Test;

class VerdictsTest {

    private final Verdicts verdicts = new Verdicts();
    private final AtomicInteger judged = new AtomicInteger();

    private boolean ask(RoleTable table, String permission, boolean truth) {
        return verdicts.holds(table, Set.of("sales"), permission, () -> {
            judged.incrementAndGet();
            return truth;
        });
    }

    @Test
    void aRepeatedQuestionIsAnsweredFromMemory() {
        RoleTable table = RoleTable.of(List.of());

        assertThat(ask(table, "contacts:read:own", true)).isTrue();
        assertThat(ask(table, "contacts:read:own", false)).as("remembered").isTrue();
        assertThat(ask(table, "contacts:read:all", false)).isFalse();
        assertThat(judged).hasValue(2);
    }

    @Test
    void aNewRoleTableForgetsEveryAnswer() {
        assertThat(ask(RoleTable.of(List.of()), "contacts:read:own", true)).isTrue();

        assertThat(ask(RoleTable.of(List.of()), "contacts:read:own", false)).isFalse();
        assertThat(judged).hasValue(2);
    }

    @Test
    void aFullMemoryForgetsOnlyTheLeastRecentlyUsedAnswer() {
        RoleTable table = RoleTable.of(List.of());
        for (int i = 0; i < Verdicts.LIMIT; i++) {
            ask(table, "p:" + i, true);
        }
        ask(table, "p:0", true);
        judged.set(0);

        ask(table, "p:new", true);

        assertThat(judged).hasValue(1);
        assertThat(ask(table, "p:0", false)).as("used recently: remembered").isTrue();
        assertThat(ask(table, "p:2", false)).as("remembered").isTrue();
        assertThat(judged).hasValue(1);
        assertThat(ask(table, "p:1", false)).as("least recently used: forgotten, asked again").isFalse();
        assertThat(judged).hasValue(2);
    }
}
