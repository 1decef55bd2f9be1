package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;

class SecurityActionTest {

    @Test
    void failsAsKarafsCommandExceptionWithOneErrorLineAndNoStackTrace() {
        SecurityAction action = failingWith(new ValidationException(List.of(new FieldError("username", "too short"),
                new FieldError("email", "not valid"))));

        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class, e -> {
            assertThat(e.getNiceHelp()).isEqualTo("Error: username: too short; email: not valid");
            assertThat(e.getCause()).isNull();
            assertThat(e.getStackTrace()).isEmpty();
        });
    }

    @Test
    void reportsOtherCrmErrorsByTheirMessage() {
        SecurityAction action = failingWith(new AccessDeniedException("administrators only"));

        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class,
                e -> assertThat(e.getNiceHelp()).isEqualTo("Error: administrators only"));
    }

    @Test
    void letsUnexpectedFailuresReachKarafUnchanged() {
        IllegalStateException unexpected = new IllegalStateException("database gone");

        assertThatThrownBy(failingWith(unexpected)::execute).isSameAs(unexpected);
    }

    @Test
    void neutralisesControlCharactersAndSortsRoles() {
        assertThat(ShellText.cell("a\u0007b\tc\r\nd")).isEqualTo("a?b c  d");
        assertThat(ShellText.cell(null)).isEmpty();
        assertThat(ShellText.roles(List.of("sales", "admin"))).isEqualTo("admin,sales");
        assertThat(ShellText.timestamp(null)).isEmpty();
    }

    private static SecurityAction failingWith(RuntimeException error) {
        return new SecurityAction() {
            @Override
            protected void run() {
                throw error;
            }
        };
    }
}
