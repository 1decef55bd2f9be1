package org.bastion.crm.contacts.internal.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.shell.CrmAction;
import org.bastion.crm.shell.ShellInput;

/**
 * {@code crm:contact-add}: creates a contact from options and prints its new id.
 */
@Service
@Command(scope = "crm", name = "contact-add", description = "Creates a contact and prints its id")
public class ContactAddCommand extends CrmAction {

    /** The label given to e-mail addresses and phone numbers typed without one. */
    static final String DEFAULT_TYPE = "work";

    /** An optional {@code label:} in front of a value, such as {@code home:} or {@code mobile:}. */
    private static final Pattern LABELLED = Pattern.compile("([A-Za-z][A-Za-z0-9_-]{0,30}):(.*)");

    @Reference
    ContactService contacts;

    @Option(name = "--first", description = "First (given) name")
    String firstName;

    @Option(name = "--last", description = "Last (family) name")
    String lastName;

    @Option(name = "--title", description = "Job title or honorific")
    String title;

    @Option(name = "--email", multiValued = true,
            description = "E-mail address, optionally labelled (home:ann@example.com); repeatable, the first is primary")
    List<String> emails;

    @Option(name = "--phone", multiValued = true,
            description = "Phone number, optionally labelled (mobile:+49 170 1234567); repeatable")
    List<String> phones;

    @Option(name = "--tag", multiValued = true, description = "A tag; repeatable")
    List<String> tags;

    @Option(name = "--company", description = "Id of the company the contact works for")
    String company;

    @Option(name = "--owner", description = "User id owning the contact (default: you)")
    String owner;

    @Option(name = "--notes", description = "Free text")
    String notes;

    @Option(name = "--birthday", description = "Date of birth, yyyy-mm-dd")
    String birthday;

    @Override
    protected void run() {
        ContactDraft draft = new ContactDraft(ShellInput.blankToNull(firstName), ShellInput.blankToNull(lastName),
                ShellInput.blankToNull(title), ShellInput.uuid("company", company), emailAddresses(), phoneNumbers(),
                List.of(), tags == null ? null : new LinkedHashSet<>(tags), ShellInput.blankToNull(owner),
                ShellInput.blankToNull(notes), ShellInput.date("birthday", birthday));
        Contact created = contacts.create(draft);
        out().println(created.id());
    }

    private List<EmailAddress> emailAddresses() {
        List<EmailAddress> result = new ArrayList<>();
        for (String value : emails == null ? List.<String>of() : emails) {
            String[] labelled = split(value);
            result.add(new EmailAddress(labelled[0], labelled[1], result.isEmpty()));
        }
        return result;
    }

    private List<PhoneNumber> phoneNumbers() {
        List<PhoneNumber> result = new ArrayList<>();
        for (String value : phones == null ? List.<String>of() : phones) {
            String[] labelled = split(value);
            result.add(new PhoneNumber(labelled[0], labelled[1]));
        }
        return result;
    }

    /** Splits {@code label:value} into label and value; a value without a label gets {@link #DEFAULT_TYPE}. */
    static String[] split(String value) {
        String trimmed = value == null ? "" : value.trim();
        Matcher matcher = LABELLED.matcher(trimmed);
        if (matcher.matches()) {
            return new String[] {matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2).trim()};
        }
        return new String[] {DEFAULT_TYPE, trimmed};
    }
}
