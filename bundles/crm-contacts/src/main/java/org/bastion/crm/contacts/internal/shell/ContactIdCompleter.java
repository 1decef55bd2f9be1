package org.bastion.crm.contacts.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Candidate;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.ContactService;

/**
 * Completes contact ids, offering the most recently changed contacts with their names as descriptions.
 */
@Service
public class ContactIdCompleter implements Completer {

    /** How many contacts the completer offers at most. */
    static final int LIMIT = 100;

    @Reference
    ContactService contacts;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Contact contact : recentContacts()) {
            delegate.getStrings().add(contact.id().toString());
        }
        return delegate.complete(session, commandLine, candidates);
    }

    @Override
    public void completeCandidates(Session session, CommandLine commandLine, List<Candidate> candidates) {
        for (Contact contact : recentContacts()) {
            String id = contact.id().toString();
            candidates.add(new Candidate(id, id, null, contact.displayName(), null, null, true));
        }
    }

    /** The contacts changed last, newest first; none when the service refuses (completion must never fail loudly). */
    List<Contact> recentContacts() {
        PageRequest page = new PageRequest(0, LIMIT, List.of(new SortKey("updatedAt", false)));
        try {
            return contacts.search(new ContactQuery(null, null, null, null, page)).items();
        } catch (CrmException e) {
            return List.of();
        }
    }
}
