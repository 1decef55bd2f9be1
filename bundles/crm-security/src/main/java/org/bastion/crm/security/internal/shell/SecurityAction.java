package org.bastion.crm.security.internal.shell;

import java.io.PrintStream;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.ValidationException;

/**
 * Base of the user and session commands: runs the command and turns every expected CRM error into one "Error: ..."
 * line, which Karaf prints without a stack trace (and {@code bin/client -b} turns into exit status 1).
 */
public abstract class SecurityAction implements Action {

    /** Where results go; null means the session's {@code System.out} (Karaf redirects it per session). */
    PrintStream out;

    @Override
    public final Object execute() throws CommandException {
        try {
            run();
        } catch (ValidationException e) {
            throw failure(describe(e));
        } catch (CrmException e) {
            throw failure(e.getMessage());
        }
        return null;
    }

    /** Does the command's work, printing to {@link #out()}; CRM errors are reported by {@link #execute()}. */
    protected abstract void run() throws CommandException;

    /** The stream results are printed to. */
    protected PrintStream out() {
        return out != null ? out : System.out;
    }

    /** The error a command raises to print {@code Error: <description>} as its only line. */
    static CommandException failure(String description) {
        CommandException error = new CommandException("Error: " + description, description);
        error.setStackTrace(new StackTraceElement[0]);
        return error;
    }

    /** Every field error of a validation failure on one line: {@code field: message; field: message}. */
    static String describe(ValidationException e) {
        if (e.errors().isEmpty()) {
            return e.getMessage();
        }
        return e.errors().stream().map(error -> error.field() + ": " + error.message())
                .collect(Collectors.joining("; "));
    }
}
