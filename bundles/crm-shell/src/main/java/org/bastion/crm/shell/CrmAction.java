package org.bastion.crm.shell;

import java.io.PrintStream;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Base of the {@code crm:*} shell commands: runs the command and turns every expected CRM error into one "Error: ..."
 * line.
 *
 * <p>Errors leave as Karaf's own {@link CommandException}: the console prints its one line (the "nice help") without a
 * stack trace, logs it at DEBUG only, and a batch client ({@code bin/client -b}) exits with status 1. Other failures
 * reach Karaf unchanged. The {@code @Service} command classes stay in their own bundles (their package-info carries the
 * {@code Karaf-Commands} header); only this base class lives here.
 */
@ConsumerType
public abstract class CrmAction implements Action {

    /** Where results go; null means the session's {@code System.out} (Karaf redirects it per session). */
    private PrintStream out;

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

    /** Prints results to {@code stream} instead of the session's {@code System.out} (tests; null restores it). */
    public final void printTo(PrintStream stream) {
        this.out = stream;
    }

    /**
     * The error a command raises to print {@code Error: <description>} as its only line; the description is made
     * terminal-safe with {@link ShellText#cell}, since it may quote what the user typed.
     */
    public static CommandException failure(String description) {
        description = ShellText.cell(description);
        CommandException error = new CommandException("Error: " + description, description);
        error.setStackTrace(new StackTraceElement[0]);
        return error;
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
