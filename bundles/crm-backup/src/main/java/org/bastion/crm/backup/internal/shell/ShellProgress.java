package org.bastion.crm.backup.internal.shell;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.bastion.crm.backup.internal.engine.BackupProgress;
import org.bastion.crm.shell.ShellText;

/**
 * Prints a backup's, verify's or restore's progress for the shell: one line when the step changes, and at most one a
 * second within a step ({@code contacts/crm_contact: 1200 of 5000}).
 */
final class ShellProgress implements BackupProgress {

    static final Duration EVERY = Duration.ofSeconds(1);

    private final PrintStream out;
    private final Clock clock;
    private String step;
    private Instant printedAt = Instant.MIN;

    ShellProgress(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    @Override
    public synchronized void advanced(String currentStep, long done, long total) {
        Instant now = clock.instant();
        if (Objects.equals(step, currentStep) && now.isBefore(printedAt.plus(EVERY))) {
            return;
        }
        step = currentStep;
        printedAt = now;
        out.println("  " + ShellText.cell(currentStep) + ": " + done + (total >= 0 ? " of " + total : ""));
    }
}
