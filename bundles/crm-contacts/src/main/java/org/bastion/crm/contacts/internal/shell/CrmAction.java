package org.bastion.crm.contacts.internal.shell;

import java.io.PrintStream;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.ValidationException;

/**
 * Base of the {@code crm:*} shell commands: runs the command and turns every expected error into one "Error: ..." line.
 */
public abstract class CrmAction implements Action {

    /** Where results go; null means the session's {@code System.out} (Karaf redirects it per session). */
    PrintStream out;

    /** Where error lines go; null means the session's {@code System.err}. */
    PrintStream err;

    @Override
    public final Object execute() {
        try {
            run();
        } catch (ValidationException e) {
            err().println("Error: " + describe(e));
        } catch (CrmException e) {
            err().println("Error: " + e.getMessage());
        }
        return null;
    }

    /** Does the command's work, printing to {@link #out()}; CRM errors are reported by {@link #execute()}. */
    protected abstract void run();

    /** The stream results are printed to. */
    protected PrintStream out() {
        return out != null ? out : System.out;
    }

    /** The stream error lines are printed to. */
    protected PrintStream err() {
        return err != null ? err : System.err;
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
