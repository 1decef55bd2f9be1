package org.bastion.crm.contacts.internal.rest;

/** The descriptions of the contact list's parameters that the contact and company resources both document. */
final class ContactDocs {

    /** What {@code q} of a contact search means (the personal fields are encrypted: terms match whole, never inside). */
    static final String CONTACT_SEARCH_TEXT = "words that must all match: a word with @ matches a whole e-mail address"
            + " (case-insensitive); a phone number matches a whole stored number, normalised the same way (030 1234567"
            + " finds +49301234567 where the default calling code is 49); any other word matches a word of the first or"
            + " last name or its beginning (Ada, Lovel, lovelace; accents and case ignored). Each such word needs at"
            + " least 3 letters or digits; one longer than 16 matches whole name words only. Parts of an address or"
            + " number are not searched.";

    /** What {@code sort} of a contact list means. */
    static final String CONTACT_SORT = "comma list of createdAt, updatedAt, firstName, lastName, id; '-' for"
            + " descending. Default: createdAt (oldest first), then id. Names are encrypted, so a sort by firstName or"
            + " lastName is done in memory and refused (400) when more contacts match than the server's nameSortLimit"
            + " (default 5000): narrow the search first.";

    private ContactDocs() {
    }
}
