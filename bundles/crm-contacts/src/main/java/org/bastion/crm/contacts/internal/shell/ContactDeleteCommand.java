package org.bastion.crm.contacts.internal.shell;

import java.util.Optional;
import java.util.UUID;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;
import org.bastion.crm.shell.ShellTable;

/**
 * {@code crm:contact-delete}: deletes one contact and says which one, or that there was none.
 */
@Service
@Command(scope = "crm", name = "contact-delete", description = "Deletes one contact")
public class ContactDeleteCommand extends CrmAction {

    /** Passed to {@link ContactService#delete} to delete whatever version is stored. */
    private static final long ANY_VERSION = -1;

    @Reference
    ContactService contacts;

    @Argument(index = 0, name = "id", description = "The contact's id", required = true)
    @Completion(ContactIdCompleter.class)
    String id;

    @Override
    protected void run() throws CommandException {
        UUID contactId = ShellInput.uuid("id", id);
        Optional<Contact> existing;
        try {
            existing = contacts.find(contactId);
        } catch (NotFoundException outOfScope) {
            existing = Optional.empty();
        }
        if (existing.isEmpty() || !contacts.delete(contactId, ANY_VERSION)) {
            throw failure("no contact with id " + contactId + "; nothing deleted");
        }
        Contact contact = existing.get();
        String email = contact.primaryEmail() == null ? "" : " <" + contact.primaryEmail() + ">";
        out().println("Deleted contact " + contactId + " (" + ShellTable.cell(contact.displayName() + email) + ")");
    }
}
