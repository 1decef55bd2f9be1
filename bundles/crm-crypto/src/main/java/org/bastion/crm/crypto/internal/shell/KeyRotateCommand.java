package org.bastion.crm.crypto.internal.shell;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.shell.CrmAction;

/**
 * {@code crm:key-rotate}: makes a new version of a key and moves everything to it in the background while reads and
 * writes go on; prints the rotation's id and, with {@code --wait}, its progress until it ends.
 */
@Service
@Command(scope = "crm", name = "key-rotate",
        description = "Starts rotating a key (new version, re-encryption in the background) and prints the rotation id")
public class KeyRotateCommand extends CrmAction {

    @Reference
    KeyService keys;

    @Argument(index = 0, name = "purpose", required = true,
            description = "Which key: master (re-wraps the data keys only), field, blind-index, backup or audit-signing (a new signing version; old ones still verify)")
    @Completion(KeyPurposeCompleter.class)
    String purpose;

    @Option(name = "--wait", aliases = "-w", description = "Print the progress until the rotation completes or fails")
    boolean waitForEnd;

    /** How the wait pauses between two looks; replaced in tests. */
    RotationWatch.Pause pause = RotationWatch.Pause.sleeping();

    @Override
    protected void run() throws CommandException {
        KeyPurpose keyPurpose = KeyInput.purpose(purpose);
        KeyRotation rotation = keys.rotate(keyPurpose);
        out().println(rotation.id());
        if (waitForEnd) {
            new RotationWatch(keys, pause, out()).follow(rotation);
        }
    }
}
