package org.bastion.crm.contacts.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.contacts.PostalAddress;

/**
 * Checks a contact draft against every rule and returns it normalised (trimmed, e-mail domains in lower case, phone
 * numbers in E.164 where possible, the primary e-mail first); all broken rules are reported together.
 */
public final class ContactDraftValidator {

    public static final int MAX_NAME = 100;
    public static final int MAX_TITLE = 100;
    public static final int MAX_NOTES = 10_000;
    public static final int MAX_OWNER = 100;
    public static final int MAX_TYPE = 50;
    public static final int MAX_ITEMS = 20;

    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public ContactDraftValidator(PhoneNumbers phoneNumbers, Clock clock) {
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    /**
     * The normalised draft; the owner stays null when the draft names none (the service fills in the caller).
     *
     * @throws org.bastion.crm.api.ValidationException listing every broken rule
     */
    public ContactDraft validate(ContactDraft draft) {
        Violations violations = new Violations();
        if (draft == null) {
            violations.add("$", "a contact is required");
            violations.throwIfAny();
        }
        String firstName = TextRules.line(draft.firstName(), MAX_NAME, "firstName", violations);
        String lastName = TextRules.line(draft.lastName(), MAX_NAME, "lastName", violations);
        if (TextRules.trimToNull(draft.firstName()) == null && TextRules.trimToNull(draft.lastName()) == null) {
            violations.add("firstName", "a first or a last name is required");
        }
        String title = TextRules.line(draft.title(), MAX_TITLE, "title", violations);
        String owner = TextRules.line(draft.owner(), MAX_OWNER, "owner", violations);
        String notes = TextRules.multiline(draft.notes(), MAX_NOTES, "notes", violations);
        LocalDate birthday = draft.birthday();
        if (birthday != null && birthday.isAfter(LocalDate.now(clock))) {
            violations.add("birthday", "must not be in the future");
        }
        List<EmailAddress> emails = emails(draft.emails(), violations);
        List<PhoneNumber> phones = phones(draft.phones(), violations);
        List<PostalAddress> addresses = addresses(draft.addresses(), violations);
        Set<String> tags = Tags.normalise(draft.tags(), violations);
        violations.throwIfAny();
        return new ContactDraft(firstName, lastName, title, draft.companyId(), emails, phones, addresses, tags, owner,
                notes, birthday);
    }

    private static List<EmailAddress> emails(List<EmailAddress> input, Violations violations) {
        if (input.size() > MAX_ITEMS) {
            violations.add("emails", "at most " + MAX_ITEMS + " e-mail addresses are allowed");
            return List.of();
        }
        List<EmailAddress> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int primaryIndex = -1;
        for (int i = 0; i < input.size(); i++) {
            String path = "emails[" + i + "]";
            EmailAddress email = input.get(i);
            if (email == null) {
                violations.add(path, "must not be null");
                continue;
            }
            String type = TextRules.line(email.type(), MAX_TYPE, path + ".type", violations);
            String address = EmailAddresses.normalise(email.address());
            if (TextRules.trimToNull(email.address()) == null) {
                violations.add(path + ".address", "is required");
            } else if (address == null) {
                violations.add(path + ".address", "is not a valid e-mail address");
            } else if (!seen.add(address.toLowerCase(Locale.ROOT))) {
                violations.add(path + ".address", "appears more than once");
            }
            if (email.primary()) {
                if (primaryIndex >= 0) {
                    violations.add(path + ".primary", "only one e-mail address can be primary");
                }
                primaryIndex = primaryIndex < 0 ? i : primaryIndex;
            }
            result.add(new EmailAddress(type, address, email.primary()));
        }
        return primaryFirst(result, Math.max(primaryIndex, 0));
    }

    private static List<EmailAddress> primaryFirst(List<EmailAddress> emails, int primaryIndex) {
        if (emails.isEmpty() || primaryIndex >= emails.size()) {
            return emails;
        }
        List<EmailAddress> ordered = new ArrayList<>();
        EmailAddress primary = emails.get(primaryIndex);
        ordered.add(new EmailAddress(primary.type(), primary.address(), true));
        for (int i = 0; i < emails.size(); i++) {
            if (i != primaryIndex) {
                EmailAddress other = emails.get(i);
                ordered.add(new EmailAddress(other.type(), other.address(), false));
            }
        }
        return ordered;
    }

    private List<PhoneNumber> phones(List<PhoneNumber> input, Violations violations) {
        if (input.size() > MAX_ITEMS) {
            violations.add("phones", "at most " + MAX_ITEMS + " phone numbers are allowed");
            return List.of();
        }
        List<PhoneNumber> result = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String path = "phones[" + i + "]";
            PhoneNumber phone = input.get(i);
            if (phone == null) {
                violations.add(path, "must not be null");
                continue;
            }
            String type = TextRules.line(phone.type(), MAX_TYPE, path + ".type", violations);
            PhoneNumbers.Result number = phoneNumbers.normalise(phone.number());
            if (!number.valid()) {
                violations.add(path + ".number", number.error());
            }
            result.add(new PhoneNumber(type, number.number()));
        }
        return result;
    }

    private static List<PostalAddress> addresses(List<PostalAddress> input, Violations violations) {
        if (input.size() > MAX_ITEMS) {
            violations.add("addresses", "at most " + MAX_ITEMS + " postal addresses are allowed");
            return List.of();
        }
        List<PostalAddress> result = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            result.add(PostalAddressRules.normalise(input.get(i), "addresses[" + i + "]", violations));
        }
        return result;
    }
}
