package org.bastion.crm.contacts.internal.shell;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.CrmException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyService;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;
import org.bastion.crm.shell.ShellTable;
import org.bastion.crm.shell.ShellText;

/**
 * {@code crm:contact-show}: every field of one contact, its e-mail addresses, phone numbers and postal addresses.
 */
@Service
@Command(scope = "crm", name = "contact-show", description = "Shows one contact with all its fields")
public class ContactShowCommand extends CrmAction {

    @Reference
    ContactService contacts;

    /** Optional: only used to show the company's name beside its id (when the caller may read it). */
    @Reference(optional = true)
    CompanyService companies;

    @Argument(index = 0, name = "id", description = "The contact's id", required = true)
    @Completion(ContactIdCompleter.class)
    String id;

    @Override
    protected void run() {
        UUID contactId = ShellInput.uuid("id", id);
        Contact contact = contacts.find(contactId).orElseThrow(() -> new NotFoundException("contact", contactId));
        field("ID", contact.id());
        field("First name", contact.firstName());
        field("Last name", contact.lastName());
        field("Title", contact.title());
        field("Company", companyLabel(contact.companyId()));
        field("Owner", contact.owner());
        field("Tags", ShellTable.list(contact.tags()));
        field("Birthday", contact.birthday());
        field("Notes", contact.notes());
        field("Created", ShellText.timestamp(contact.createdAt()));
        field("Updated", ShellText.timestamp(contact.updatedAt()));
        field("Version", contact.version());
        list("E-mail addresses", contact.emails(), ContactShowCommand::email);
        list("Phone numbers", contact.phones(), phone -> label(phone.type()) + phone.number());
        list("Postal addresses", contact.addresses(), ContactShowCommand::address);
    }

    private void field(String name, Object value) {
        String text = ShellText.text(value).replace("\n", System.lineSeparator() + " ".repeat(18));
        out().printf("%-17s %s%n", name + ":", text);
    }

    private <T> void list(String name, List<T> items, Function<T, String> render) {
        if (items.isEmpty()) {
            field(name, "(none)");
            return;
        }
        out().println(name + ":");
        items.forEach(item -> out().println("  " + ShellTable.cell(render.apply(item))));
    }

    private String companyLabel(UUID companyId) {
        if (companyId == null) {
            return "";
        }
        CompanyService service = companies;
        String name;
        try {
            name = service == null ? null : service.find(companyId).map(Company::name).orElse(null);
        } catch (CrmException mayNotReadCompanies) {
            name = null;
        }
        return name == null ? companyId.toString() : name + " (" + companyId + ")";
    }

    private static String email(EmailAddress email) {
        return label(email.type()) + email.address() + (email.primary() ? " (primary)" : "");
    }

    private static String address(PostalAddress address) {
        String lines = String.join(", ", nonBlank(address.street(), address.postalCode() == null ? address.city()
                : (address.postalCode() + " " + ShellText.text(address.city())).trim(), address.region(), address.country()));
        return label(address.type()) + lines;
    }

    private static String label(String type) {
        return type == null || type.isBlank() ? "" : "[" + type + "] ";
    }

    private static List<String> nonBlank(String... values) {
        return java.util.Arrays.stream(values).filter(v -> v != null && !v.isBlank())
                .map(v -> v.replace('\n', ' ')).toList();
    }
}
