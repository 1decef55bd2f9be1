package org.bastion.crm.crypto.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;
import org.bastion.crm.shell.ItemCompleter;

/** Completes the ids of the rotations since the bundle started, newest first, with their progress as description. */
@Service
public class RotationIdCompleter extends ItemCompleter<KeyRotation> {

    @Reference
    KeyService keys;

    @Override
    protected List<KeyRotation> items() {
        return keys.rotations();
    }

    @Override
    protected String value(KeyRotation rotation) {
        return rotation.id().toString();
    }

    @Override
    protected String description(KeyRotation rotation) {
        return KeyFormat.progress(rotation) + " " + rotation.state();
    }
}
