package org.bastion.crm.crypto.internal.shell;

import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bastion.crm.api.crypto.KeyPurpose;

/** Completes key purposes by their wire names ({@code master}, {@code field}, {@code blind-index}, {@code backup}). */
@Service
public class KeyPurposeCompleter implements Completer {

    /** What each purpose's key is for, shown beside the candidate. */
    static final Map<KeyPurpose, String> DESCRIPTIONS = Map.of(
            KeyPurpose.MASTER, "the operator's key, wrapping every data key",
            KeyPurpose.FIELD, "wraps the per-record keys of personal fields",
            KeyPurpose.BLIND_INDEX, "keys the blind indexes that make encrypted fields searchable",
            KeyPurpose.BACKUP, "encrypts backups");

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            delegate.getStrings().add(purpose.wireName());
        }
        return delegate.complete(session, commandLine, candidates);
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            String name = purpose.wireName();
            candidates.add(new Candidate(name, name, null, DESCRIPTIONS.get(purpose), null, null, true));
        }
    }
}
