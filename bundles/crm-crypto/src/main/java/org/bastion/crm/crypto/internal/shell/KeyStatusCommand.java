package org.bastion.crm.crypto.internal.shell;

import java.util.UUID;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:key-status}: whether the keys are usable and which rotations are running; with a rotation id, that
 * rotation's state and progress.
 */
@Service
@Command(scope = "crm", name = "key-status", description = "Shows whether the keys are usable, or the state of one rotation")
public class KeyStatusCommand extends CrmAction {

    @Reference
    KeyService keys;

    @Argument(index = 0, name = "rotation-id", description = "The id crm:key-rotate printed (optional)")
    @Completion(RotationIdCompleter.class)
    String rotationId;

    @Override
    protected void run() {
        if (rotationId == null || rotationId.isBlank()) {
            KeyFormat.printStatus(out(), keys.status(), keys.rotations());
            return;
        }
        UUID id = KeyInput.rotationId(rotationId);
        KeyRotation rotation = keys.rotation(id).orElseThrow(() -> new NotFoundException("key rotation", id));
        field("Rotation", rotation.id());
        field("Purpose", rotation.purpose().wireName());
        field("Versions", "v" + rotation.fromVersion() + " -> v" + rotation.toVersion());
        field("State", rotation.state());
        field("Progress", rotation.done() + "/" + rotation.total() + " (" + KeyFormat.percent(rotation) + "%)");
        field("Started", ShellText.timestamp(rotation.startedAt()));
        field("Finished", ShellText.timestamp(rotation.finishedAt()));
        if (rotation.error() != null) {
            field("Error", rotation.error());
        }
    }

    private void field(String name, Object value) {
        out().printf("%-10s %s%n", name + ":", ShellText.cell(value));
    }
}
