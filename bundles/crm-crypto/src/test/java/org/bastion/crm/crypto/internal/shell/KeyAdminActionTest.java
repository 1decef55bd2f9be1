package org.bastion.crm.crypto.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.KeysLockedException;
import org.junit.jupiter.api.Test;

class KeyAdminActionTest {

    @Test
    void failsAsKarafsCommandExceptionWithOneErrorLineAndNoStackTrace() {
        KeyAdminAction action = failingWith(new ValidationException(List.of(new FieldError("purpose", "unknown"),
                new FieldError("id", "bad"))));

        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class, e -> {
            assertThat(e.getNiceHelp()).isEqualTo("Error: purpose: unknown; id: bad");
            assertThat(e.getMessage()).isEqualTo("purpose: unknown; id: bad");
            assertThat(e.getStackTrace()).isEmpty();
        });
    }

    @Test
    void reportsOtherCrmErrorsSuchAsLockedKeysByTheirMessage() {
        KeyAdminAction action = failingWith(new KeysLockedException("the master key is locked"));

        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class,
                e -> assertThat(e.getNiceHelp()).isEqualTo("Error: the master key is locked"));
    }

    @Test
    void letsUnexpectedFailuresReachKarafUnchanged() {
        IllegalStateException unexpected = new IllegalStateException("database gone");

        assertThatThrownBy(failingWith(unexpected)::execute).isSameAs(unexpected);
    }

    private static KeyAdminAction failingWith(RuntimeException error) {
        return new KeyAdminAction() {
            @Override
            protected void run() {
                throw error;
            }
        };
    }
}
