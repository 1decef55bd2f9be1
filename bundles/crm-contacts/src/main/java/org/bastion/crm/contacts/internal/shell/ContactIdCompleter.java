package org.bastion.crm.contacts.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.shell.ItemCompleter;

/**
 * Completes contact ids, offering the most recently changed contacts with their names as descriptions.
 */
@Service
public class ContactIdCompleter extends ItemCompleter<Contact> {

    /** How many contacts the completer offers at most. */
    static final int LIMIT = 100;

    @Reference
    ContactService contacts;

    /** The contacts changed last, newest first. */
    @Override
    protected List<Contact> items() {
        PageRequest page = new PageRequest(0, LIMIT, List.of(new SortKey("updatedAt", false)));
        return contacts.search(new ContactQuery(null, null, null, null, page)).items();
    }

    @Override
    protected String value(Contact contact) {
        return contact.id().toString();
    }

    @Override
    protected String description(Contact contact) {
        return contact.displayName();
    }
}
