package org.bastion.crm.crypto.internal.shell;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyStatus;
import org.bastion.crm.shell.ShellText;

/**
 * Renders key administration values for the shell: the status line and a rotation's progress line (timestamps and
 * terminal-safe text come from crm-shell's {@link ShellText}).
 */
final class KeyFormat {

    private KeyFormat() {
    }

    /** The wire names of every purpose: {@code master, field, blind-index, backup}. */
    static String purposeNames() {
        return Arrays.stream(KeyPurpose.values()).map(KeyPurpose::wireName).collect(Collectors.joining(", "));
    }

    /** One line on the keys: {@code Keys: UNLOCKED, master key v3 - <detail>}; locked keys name the unlock command. */
    static String statusLine(KeyStatus status) {
        StringBuilder line = new StringBuilder("Keys: ").append(status.state());
        if (status.usable()) {
            line.append(", master key v").append(status.masterVersion());
        }
        if (status.detail() != null && !status.detail().isBlank()) {
            line.append(" - ").append(ShellText.cell(status.detail().strip()));
        }
        if (!status.usable()) {
            line.append(" (unlock with crm:key-unlock)");
        }
        return line.toString();
    }

    /** A rotation's progress: {@code field v1 -> v2: 500/1234 (40%)}. */
    static String progress(KeyRotation rotation) {
        return rotation.purpose().wireName() + " v" + rotation.fromVersion() + " -> v" + rotation.toVersion() + ": "
                + rotation.done() + "/" + rotation.total() + " (" + percent(rotation) + "%)";
    }

    /** A running rotation under a status line: {@code Rotating field v1 -> v2: 500/1234 (40%), rotation <id>}. */
    static String runningLine(KeyRotation rotation) {
        return "Rotating " + progress(rotation) + ", rotation " + rotation.id();
    }

    /** The status line, then one line per running rotation, as {@code crm:key-list} and {@code crm:key-status} end. */
    static void printStatus(PrintStream out, KeyStatus status, List<KeyRotation> rotations) {
        out.println(statusLine(status));
        rotations.stream().filter(rotation -> rotation.state() == KeyRotation.State.RUNNING)
                .forEach(rotation -> out.println(runningLine(rotation)));
    }

    /** How far a rotation is, 0 to 100, rounded down; a rotation with nothing to move is 100% once completed. */
    static long percent(KeyRotation rotation) {
        if (rotation.total() <= 0) {
            return rotation.state() == KeyRotation.State.COMPLETED ? 100 : 0;
        }
        return Math.max(0, Math.min(100, rotation.done() * 100 / rotation.total()));
    }
}
