package org.bastion.crm.contacts.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.crypto.FieldTag;
import org.bastion.crm.api.crypto.FieldTags;

/**
 * The contact fields tagged {@link FieldTag#SENSITIVE} (read from {@code @DataTags} on {@link Contact}) and the rules
 * of ADR 8 for them: hidden (null) from callers who may not read them, and on a write a null keeps the stored value
 * unless the caller may both read and write them, while a value the caller may not write is refused.
 */
public final class SensitiveFields {

    /** The names of the sensitive fields of a contact, in declaration order. */
    public static final Set<String> NAMES = FieldTags.fieldsTagged(Contact.class, FieldTag.SENSITIVE);

    private static final RecordValues<Contact> CONTACTS = new RecordValues<>(Contact.class);
    private static final RecordValues<ContactDraft> DRAFTS = new RecordValues<>(ContactDraft.class);

    static {
        for (String name : NAMES) {
            if (!DRAFTS.has(name)) {
                throw new IllegalStateException("sensitive contact field " + name + " is missing from ContactDraft");
            }
        }
    }

    private SensitiveFields() {
    }

    /** The contact with every sensitive field null (what a caller who may not read them sees). */
    public static Contact hidden(Contact contact) {
        Map<String, Object> nulls = new HashMap<>();
        for (String name : NAMES) {
            nulls.put(name, null);
        }
        return CONTACTS.with(contact, nulls);
    }

    /** The contact as seen by a caller who may ({@code mayRead}) or may not read its sensitive fields. */
    public static Contact visible(Contact contact, boolean mayRead) {
        return mayRead || contact == null ? contact : hidden(contact);
    }

    /**
     * The draft with each sensitive field decided against the stored contact ({@code null} for a new one): a caller
     * who may read and write takes the draft's value (null clears); one who may write but not read changes a field
     * only with a value (null keeps it); one who may not write keeps every stored value, and a draft value other
     * than null is refused, unless the caller may read the field and sends back the stored value unchanged. (A caller
     * who may not read is refused even for the stored value, so that a write cannot be used to guess it.)
     *
     * @param permission the permission writing needs, named in the refusal
     * @throws AccessDeniedException naming the field when the draft sets a value the caller may not write
     */
    public static ContactDraft decide(ContactDraft draft, Contact stored, boolean mayRead, boolean mayWrite,
                                      String permission) {
        Map<String, Object> decided = new HashMap<>();
        for (String name : NAMES) {
            Object given = DRAFTS.get(draft, name);
            Object kept = stored == null ? null : CONTACTS.get(stored, name);
            if (mayWrite && mayRead) {
                decided.put(name, given);
            } else if (given == null || mayWrite) {
                decided.put(name, given == null ? kept : given);
            } else if (mayRead && Objects.equals(given, kept)) {
                decided.put(name, kept);
            } else {
                throw new AccessDeniedException("writing " + name + " needs " + permission);
            }
        }
        return DRAFTS.with(draft, decided);
    }
}
