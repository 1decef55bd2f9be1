package org.bastion.crm.contacts.internal.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures what a command prints to its output and error streams. */
final class Output {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Points the command's streams at this capture and runs it. */
    static Output run(CrmAction action) {
        Output output = new Output();
        action.out = new PrintStream(output.out, true, StandardCharsets.UTF_8);
        action.err = new PrintStream(output.err, true, StandardCharsets.UTF_8);
        action.execute();
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
