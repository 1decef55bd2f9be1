package org.bastion.crm.crypto.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.crypto.KeyRotation;
import org.bastion.crm.api.crypto.KeyService;

/** Completes the ids of the rotations since the bundle started, newest first, with their progress as description. */
@Service
public class RotationIdCompleter implements Completer {

    @Reference
    KeyService keys;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (KeyRotation rotation : rotations()) {
            delegate.getStrings().add(rotation.id().toString());
        }
        return delegate.complete(session, commandLine, candidates);
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        for (KeyRotation rotation : rotations()) {
            String id = rotation.id().toString();
            String description = KeyFormat.progress(rotation) + " " + rotation.state();
            candidates.add(new Candidate(id, id, null, description, null, null, true));
        }
    }

    /** The rotations, or none when the service refuses (completion must never fail loudly). */
    List<KeyRotation> rotations() {
        try {
            return keys.rotations();
        } catch (CrmException e) {
            return List.of();
        }
    }
}
