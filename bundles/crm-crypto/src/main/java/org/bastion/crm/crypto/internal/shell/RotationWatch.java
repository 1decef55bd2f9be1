package org.bastion.crm.crypto.internal.shell;

import java.io.PrintStream;
import java.time.Duration;
import java.util.UUID;

import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/**
 * Follows a rotation until it ends: asks the key service every {@link #INTERVAL} and prints the progress line each
 * time it changes; a failed rotation, or an operator who stops waiting, ends in a {@link CommandException}.
 */
final class RotationWatch {

    /** How often the rotation is asked for its progress. */
    static final Duration INTERVAL = Duration.ofMillis(250);

    /** Waits between two looks at the rotation; {@link Thread#sleep} in the shell, a step of a fake in tests. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;

        /** The real pause. */
        static Pause sleeping() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }

    private final KeyService keys;
    private final Pause pause;
    private final PrintStream out;

    RotationWatch(KeyService keys, Pause pause, PrintStream out) {
        this.keys = keys;
        this.pause = pause;
        this.out = out;
    }

    /** Prints the progress of {@code started} and each change of it until the rotation completes or fails. */
    KeyRotation follow(KeyRotation started) throws CommandException {
        UUID id = started.id();
        KeyRotation current = started;
        String shown = KeyFormat.progress(current);
        out.println(shown);
        while (current.state() == KeyRotation.State.RUNNING) {
            waitAWhile(id);
            current = keys.rotation(id).orElseThrow(() -> new NotFoundException("key rotation", id));
            String line = KeyFormat.progress(current);
            if (!line.equals(shown)) {
                out.println(line);
                shown = line;
            }
        }
        if (current.state() == KeyRotation.State.FAILED) {
            throw CrmAction.failure("rotation " + id + " failed: " + ShellText.cell(current.error())
                    + "; run crm:key-rotate " + current.purpose().wireName() + " again to resume it");
        }
        out.println("Rotation " + id + " completed: " + current.purpose().wireName() + " v" + current.toVersion()
                + " is in use, v" + current.fromVersion() + " is retired");
        return current;
    }

    private void waitAWhile(UUID id) throws CommandException {
        try {
            pause.pause(INTERVAL);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CrmAction.failure("stopped waiting; rotation " + id
                    + " goes on in the background (see crm:key-status " + id + ")");
        }
    }
}
