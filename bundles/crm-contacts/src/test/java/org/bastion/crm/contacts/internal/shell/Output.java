package org.bastion.crm.contacts.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;

/** Captures what a command prints, and the one error line the Karaf console prints for its failure. */
final class Output {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private String err = "";

    /**
     * Points the command's output at this capture and runs it; a failure is recorded as the line the Karaf console
     * prints for a {@link CommandException}: its "nice help", with no stack trace.
     */
    static Output run(CrmAction action) {
        Output output = new Output();
        action.out = new PrintStream(output.out, true, StandardCharsets.UTF_8);
        try {
            action.execute();
        } catch (CommandException e) {
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

    List<String> outLines() {
        return out().lines().toList();
    }

    List<String> errLines() {
        return err().lines().toList();
    }
}
