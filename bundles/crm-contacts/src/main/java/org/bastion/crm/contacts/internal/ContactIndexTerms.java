package org.bastion.crm.contacts.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.EmailAddress;
import org.bastion.crm.api.contacts.PhoneNumber;
import org.bastion.crm.api.crypto.BlindIndexTerms;

/**
 * What a contact can be found by: the blind-index domains of contacts and the normalised terms a contact is indexed
 * under in each, the one place that decides it, so that what is stored and what {@link SearchWord} looks for agree.
 */
public final class ContactIndexTerms {

    /** Words of the first and last name, and their prefixes of 3 to 16 characters. */
    public static final String NAME = "contact.name";

    /** Whole e-mail addresses, lower case. */
    public static final String EMAIL = "contact.email";

    /** Whole telephone numbers as stored (E.164 where the service could normalise them). */
    public static final String PHONE = "contact.phone";

    private ContactIndexTerms() {
    }

    /** The terms of a contact by domain (every domain present, possibly empty). */
    public static Map<String, Set<String>> of(Contact contact) {
        return of(contact.firstName(), contact.lastName(),
                contact.emails().stream().map(EmailAddress::address).toList(),
                contact.phones().stream().map(PhoneNumber::number).toList());
    }

    /** The terms of a contact's searchable fields by domain (every domain present, possibly empty). */
    public static Map<String, Set<String>> of(String firstName, String lastName, Collection<String> emailAddresses,
                                              Collection<String> phoneNumbers) {
        Set<String> names = new LinkedHashSet<>(BlindIndexTerms.wordsAndPrefixes(firstName));
        names.addAll(BlindIndexTerms.wordsAndPrefixes(lastName));
        Set<String> emails = new LinkedHashSet<>();
        emailAddresses.forEach(address -> emails.add(email(address)));
        Set<String> phones = new LinkedHashSet<>();
        phoneNumbers.forEach(number -> phones.add(phone(number)));
        Map<String, Set<String>> terms = new LinkedHashMap<>();
        terms.put(NAME, names);
        terms.put(EMAIL, emails);
        terms.put(PHONE, phones);
        return terms;
    }

    /** The term of an e-mail address already normalised by {@link EmailAddresses}. */
    public static String email(String normalisedAddress) {
        return BlindIndexTerms.normalise(normalisedAddress);
    }

    /** The term of a telephone number already normalised by {@link PhoneNumbers}. */
    public static String phone(String normalisedNumber) {
        return BlindIndexTerms.normalise(normalisedNumber);
    }
}
