package org.bastion.crm.contacts.internal.shell;

import java.io.PrintStream;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;

/**
 * Base of the {@code crm:*} shell commands: runs the command and turns every expected error into a
 * {@link CommandFailedException} with a one-line message, which the Karaf shell prints as
 * {@code Error executing command: <message>} (also over {@code bin/client -b}, where a command's own stderr is lost)
 * and which makes a batch client exit with a failure status.
 */
public abstract class CrmAction implements Action {

    /** Where results go; null means the session's {@code System.out} (Karaf redirects it per session). */
    PrintStream out;

    @Override
    public final Object execute() {
        try {
            run();
        } catch (ValidationException e) {
            throw new CommandFailedException(describe(e));
        } catch (CrmException e) {
            throw new CommandFailedException(e.getMessage());
        }
        return null;
    }

    /** Does the command's work, printing to {@link #out()}; CRM errors are reported by {@link #execute()}. */
    protected abstract void run();

    /** The stream results are printed to. */
    protected PrintStream out() {
        return out != null ? out : System.out;
    }

    /** Every field error of a validation failure on one line: {@code field: message; field: message}. */
    static String describe(ValidationException e) {
        if (e.errors().isEmpty()) {
            return e.getMessage();
        }
        return e.errors().stream().map(CrmAction::describe).collect(Collectors.joining("; "));
    }

    private static String describe(FieldError error) {
        return error.field() + ": " + error.message();
    }
}
