package org.bastion.crm.contacts.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.junit.jupiter.api.Test;

class CrmActionTest {

    @Test
    void failsAsKarafsCommandExceptionWhoseConsoleLineStartsWithError() {
        CrmAction action = failingWith(new ValidationException(List.of(new FieldError("emails[0].address", "bad"))));

        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class, e -> {
            assertThat(e.getNiceHelp()).isEqualTo("Error: emails[0].address: bad");
            assertThat(e.getMessage()).isEqualTo("emails[0].address: bad");
            assertThat(e.getCause()).isNull();
            assertThat(e.getStackTrace()).isEmpty();
        });
    }

    @Test
    void reportsOtherCrmErrorsByTheirMessage() {
        CrmAction action = failingWith(new ConflictException("company example.com exists"));

        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class,
                e -> assertThat(e.getNiceHelp()).isEqualTo("Error: company example.com exists"));
    }

    @Test
    void letsUnexpectedFailuresReachKarafUnchanged() {
        IllegalStateException unexpected = new IllegalStateException("database gone");
        CrmAction action = failingWith(unexpected);

        assertThatThrownBy(action::execute).isSameAs(unexpected);
    }

    @Test
    void printsToTheInjectedStreamAndReturnsNothing() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CrmAction action = new CrmAction() {
            @Override
            protected void run() {
                out().println("hello");
            }
        };
        action.out = new PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);

        assertThat(action.execute()).isNull();
        assertThat(buffer.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("hello" + System.lineSeparator());
    }

    private static CrmAction failingWith(RuntimeException error) {
        return new CrmAction() {
            @Override
            protected void run() {
                throw error;
            }
        };
    }
}
