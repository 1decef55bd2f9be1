package org.bastion.crm.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.AccessDeniedException;
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
    void joinsEveryFieldErrorOnOneLine() {
        CrmAction action = failingWith(new ValidationException(List.of(new FieldError("username", "too short"),
                new FieldError("email", "not valid"))));

        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class, e -> {
            assertThat(e.getNiceHelp()).isEqualTo("Error: username: too short; email: not valid");
            assertThat(e.getMessage()).isEqualTo("username: too short; email: not valid");
            assertThat(e.getStackTrace()).isEmpty();
        });
    }

    @Test
    void reportsOtherCrmErrorsByTheirMessage() {
        assertThatThrownBy(failingWith(new ConflictException("company example.com exists"))::execute)
                .isInstanceOfSatisfying(CommandException.class,
                        e -> assertThat(e.getNiceHelp()).isEqualTo("Error: company example.com exists"));
        assertThatThrownBy(failingWith(new AccessDeniedException("administrators only"))::execute)
                .isInstanceOfSatisfying(CommandException.class,
                        e -> assertThat(e.getNiceHelp()).isEqualTo("Error: administrators only"));
    }

    @Test
    void letsUnexpectedFailuresReachKarafUnchanged() {
        IllegalStateException unexpected = new IllegalStateException("database gone");
        CrmAction action = failingWith(unexpected);

        assertThatThrownBy(action::execute).isSameAs(unexpected);
    }

    @Test
    void printsToTheGivenStreamAndReturnsNothing() throws Exception {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        CrmAction action = new CrmAction() {
            @Override
            protected void run() {
                out().println("hello");
            }
        };
        action.printTo(new PrintStream(buffer, true, StandardCharsets.UTF_8));

        assertThat(action.execute()).isNull();
        assertThat(buffer.toString(StandardCharsets.UTF_8)).isEqualTo("hello" + System.lineSeparator());
    }

    @Test
    void aFailureOfItsOwnIsOneErrorLineWithoutStackTrace() {
        CommandException error = CrmAction.failure("the keys are still locked");

        assertThat(error.getNiceHelp()).isEqualTo("Error: the keys are still locked");
        assertThat(error.getMessage()).isEqualTo("the keys are still locked");
        assertThat(error.getStackTrace()).isEmpty();
    }

    @Test
    void escapesWhatAnErrorQuotesFromTheUserSoItCannotDriveTheTerminal() {
        CrmAction action = failingWith(ValidationException.of("id", "not a valid id: 'x\u001b[2J\u202Ey\ud800'"));

        assertThatThrownBy(action::execute).isInstanceOfSatisfying(CommandException.class, e -> assertThat(
                e.getNiceHelp()).isEqualTo("Error: id: not a valid id: 'x\\u001B[2J\\u202Ey\\uD800'"));
        assertThat(CrmAction.failure("no contact named a\nb\u0007").getNiceHelp())
                .isEqualTo("Error: no contact named a b\\u0007");
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
