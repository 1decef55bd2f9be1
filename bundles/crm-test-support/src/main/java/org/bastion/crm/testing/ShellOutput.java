package org.bastion.crm.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.shell.CrmAction;

/** Captures what a shell command prints, and the one error line the Karaf console prints for its failure. */
public final class ShellOutput {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private String err = "";
    private boolean failed;

    private ShellOutput() {
    }

    /**
     * Points the command's output at a new capture and runs it; a failure is recorded as the line the Karaf console
     * prints for a {@link CommandException}: its "nice help", with no stack trace.
     */
    public static ShellOutput run(CrmAction action) {
        ShellOutput output = new ShellOutput();
        action.printTo(new PrintStream(output.out, true, StandardCharsets.UTF_8));
        try {
            action.execute();
        } catch (CommandException e) {
            output.failed = true;
            output.err = e.getNiceHelp() + System.lineSeparator();
        }
        return output;
    }

    /** Everything the command printed. */
    public String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The console's error line, or an empty string. */
    public String err() {
        return err;
    }

    /** Whether the command failed, so that {@code bin/client -b} exits with status 1. */
    public boolean failed() {
        return failed;
    }

    /** What the command printed, line by line. */
    public List<String> outLines() {
        return out().lines().toList();
    }

    /** The console's error output, line by line. */
    public List<String> errLines() {
        return err().lines().toList();
    }
}
