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
    void theMemoryIsClearedWhenFull() {
        RoleTable table = RoleTable.of(List.of());
        for (int i = 0; i < Verdicts.LIMIT; i++) {
            ask(table, "p:" + i, true);
        }
        judged.set(0);

        ask(table, "p:0", true);

        assertThat(judged).as("asked again after the clear").hasValue(1);
    }
}
