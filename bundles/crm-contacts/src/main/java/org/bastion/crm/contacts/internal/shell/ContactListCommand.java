package org.bastion.crm.contacts.internal.shell;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;
import org.bastion.crm.shell.ShellTable;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:contact-list}: one page of contacts as a table, filtered by text, tag, company and owner.
 */
@Service
@Command(scope = "crm", name = "contact-list", description = "Lists contacts, one page at a time")
public class ContactListCommand extends CrmAction {

    @Reference
    ContactService contacts;

    @Option(name = "--query", aliases = "-q", description = "Words that must all match: a whole e-mail address, a whole"
            + " phone number, or the start (3+ characters) of a first- or last-name word")
    String query;

    @Option(name = "--tag", description = "Only contacts carrying this tag")
    String tag;

    @Option(name = "--company", description = "Only contacts of the company with this id")
    String company;

    @Option(name = "--owner", description = "Only contacts owned by this user id")
    String owner;

    @Option(name = "--page", description = "Page number, counted from 1")
    int page = 1;

    @Option(name = "--size", description = "Contacts per page, 1 to " + PageRequest.MAX_SIZE)
    int size = PageRequest.DEFAULT_SIZE;

    @Option(name = "--sort", description = "Sort keys, comma separated, '-' for descending: createdAt (the default),"
            + " updatedAt, firstName, lastName (e.g. lastName,-updatedAt); names sort only narrow searches")
    String sort;

    @Override
    protected void run() {
        ContactQuery contactQuery = new ContactQuery(ShellInput.blankToNull(query), ShellInput.blankToNull(tag),
                ShellInput.uuid("company", company), ShellInput.blankToNull(owner), ShellInput.page(page, size, sort));
        Page<Contact> result = contacts.search(contactQuery);

        ShellTable table = ShellTable.empty("no contacts match").column("ID").column("Name", 40)
                .column("Primary email", 40).column("Company").column("Owner").column("Tags", 30).column("Updated");
        for (Contact contact : result.items()) {
            table.row(contact.id(), contact.displayName(), contact.primaryEmail(), contact.companyId(), contact.owner(),
                    ShellTable.list(contact.tags()), ShellText.timestamp(contact.updatedAt()));
        }
        table.print(out(), result, "contact", "contacts");
    }
}
