package org.bastion.crm.contacts.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.api.crypto.KeyRotationParticipant;
import org.bastion.crm.contacts.internal.jpa.ContactSearchIndex;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Takes part in rotations of the blind-index key: moves the search tokens of contacts to the new key version in
 * batches (a contact counts as moved once it has a token of that version) and drops the tokens of a retired one.
 */
@Component(service = KeyRotationParticipant.class)
public final class ContactSearchRotation implements KeyRotationParticipant {

    /** The participant's name in rotation progress reports. */
    public static final String NAME = "contacts";

    private final ContactSearchIndex index;

    /** Activated once the schema is migrated ({@code schema}) and the persistence unit is up. */
    @Activate
    public ContactSearchRotation(@Reference(target = "(osgi.unit.name=crm-contacts)") JpaTemplate jpa,
                                 @Reference ContactsSchema schema, @Reference FieldCipher fieldCipher) {
        this(new ContactSearchIndex(jpa, fieldCipher));
    }

    ContactSearchRotation(ContactSearchIndex index) {
        this.index = index;
    }

    @Override
    public KeyPurpose purpose() {
        return KeyPurpose.BLIND_INDEX;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long countOlderThan(int version) {
        return index.countOlderThan(version);
    }

    @Override
    public long countUsing(int version) {
        return index.countUsing(version);
    }

    @Override
    public int migrateBatch(int version, int batchSize) {
        return index.migrateBatch(version, batchSize);
    }

    @Override
    public void retire(int version) {
        index.retire(version);
    }
}
