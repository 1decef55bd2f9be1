package org.bastion.crm.contacts.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what a command prints to its output and error streams. */
final class Output {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** The prefix the Karaf shell puts before the message of a command that failed. */
    static final String KARAF_ERROR_PREFIX = "Error executing command: ";

    /**
     * Points the command's output at this capture and runs it; a failure is recorded as the line the Karaf shell
     * prints for it (its exception's message after {@link #KARAF_ERROR_PREFIX}, no stack trace).
     */
    static Output run(CrmAction action) {
        Output output = new Output();
        action.out = new PrintStream(output.out, true, StandardCharsets.UTF_8);
        try {
            action.execute();
        } catch (CommandFailedException e) {
            PrintStream err = new PrintStream(output.err, true, StandardCharsets.UTF_8);
            err.println(KARAF_ERROR_PREFIX + e.getMessage());
        }
        return output;
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    List<String> outLines() {
        return out().lines().toList();
    }

    List<String> errLines() {
        return err().lines().toList();
    }
}
