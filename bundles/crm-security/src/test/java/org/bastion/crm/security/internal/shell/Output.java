package org.bastion.crm.security.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;

/** Captures what a command prints, and the one error line the Karaf console prints for its failure. */
final class Output {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private String err = "";
    private boolean failed;

    /** Points the command's output at this capture and runs it; a failure is recorded as its "nice help" line. */
    static Output run(SecurityAction action) {
        Output output = new Output();
        action.out = new PrintStream(output.out, true, StandardCharsets.UTF_8);
        try {
            action.execute();
        } catch (CommandException e) {
            output.failed = true;
            output.err = e.getNiceHelp() + System.lineSeparator();
        }
        return output;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err;
    }

    /** Whether the command failed, so that {@code bin/client -b} exits with status 1. */
    boolean failed() {
        return failed;
    }

    List<String> outLines() {
        return out().lines().toList();
    }

    List<String> errLines() {
        return err().lines().toList();
    }
}
