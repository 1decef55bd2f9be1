package org.bastion.crm.contacts.internal;

import static org.bastion.crm.api.permissions.StandardPermissions.COMPANIES;
import static org.bastion.crm.api.permissions.StandardPermissions.CONTACTS;
import static org.bastion.crm.api.permissions.StandardPermissions.READ;
import static org.bastion.crm.api.permissions.StandardPermissions.READ_SENSITIVE;
import static org.bastion.crm.api.permissions.StandardPermissions.WRITE;
import static org.bastion.crm.api.permissions.StandardPermissions.WRITE_SENSITIVE;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.RecordAccess;
import org.bastion.crm.api.permissions.ScopedAccess;

/**
 * What one caller may do with contacts during one service call (ADR 8): the read scope that filters queries and hides
 * records, the write and delete scopes on a record's owner, the sensitive fields, and which companies the caller may
 * name. Each scope is asked of {@link Permissions} once per call.
 */
final class ContactAccess {

    private static final String KIND = "contact";

    private final ScopedAccess contacts;
    private final ScopedAccess companies;
    private final CompanyRepository companyRecords;
    private final Map<String, RecordAccess> asked = new HashMap<>();

    ContactAccess(Permissions permissions, Caller caller, CompanyRepository companyRecords) {
        this.contacts = new ScopedAccess(permissions, caller, CONTACTS);
        this.companies = new ScopedAccess(permissions, caller, COMPANIES);
        this.companyRecords = companyRecords;
    }

    /** Who is asking. */
    Caller caller() {
        return contacts.caller();
    }

    /** The caller's reach for a contacts action; a 403 naming the permission when the caller holds none. */
    RecordAccess require(String action) {
        RecordAccess access = scope(action);
        if (!access.any()) {
            throw new AccessDeniedException("this needs the permission " + contacts.permission(action));
        }
        return access;
    }

    /** The owners a query must be limited to (null: all); a 403 when the caller may read no contact. */
    Set<String> readableOwners() {
        return ScopedAccess.ownerFilter(require(READ));
    }

    /** Whether the contact is within the caller's read scope. */
    boolean mayRead(Contact contact) {
        return scope(READ).permits(contact.owner());
    }

    /**
     * The contact when it is within the read scope; otherwise a NotFoundException (404, answered like a missing
     * contact) marked {@link NotFoundException#outOfScope out of scope}, which the REST layer records as a denial.
     */
    Contact requireVisible(UUID id, Contact current) {
        if (!mayRead(current)) {
            throw NotFoundException.outOfScope(KIND, id);
        }
        return current;
    }

    /** The contact as the caller may see it: its sensitive fields hidden unless read-sensitive reaches its owner. */
    Contact visible(Contact contact) {
        return SensitiveFields.visible(contact, scope(READ_SENSITIVE).permits(contact.owner()));
    }

    /** Returns quietly when {@code action} reaches the stored contact; a 403 naming the permission otherwise. */
    void requireWithin(String action, Contact current) {
        contacts.requireWithin(scope(action), action, current.owner());
    }

    /** The owner of a new contact (the draft's, or the caller), checked against the write scope. */
    String ownerOfNew(ContactDraft valid) {
        String owner = valid.owner() != null ? valid.owner() : caller().id();
        contacts.requireMayGiveTo(scope(WRITE), WRITE, owner);
        return owner;
    }

    /** The owner after a change: the stored one, or a new one the write scope must reach as well. */
    String ownerAfterChange(ContactDraft valid, Contact current) {
        String owner = valid.owner() != null ? valid.owner() : current.owner();
        if (!owner.equals(current.owner())) {
            contacts.requireMayGiveTo(scope(WRITE), WRITE, owner);
        }
        return owner;
    }

    /**
     * The draft with its sensitive fields decided (see {@link SensitiveFields#decide}) for a contact that will be
     * owned by {@code owner}; {@code current} is null for a new contact. Writing needs write-sensitive on the old and
     * the new owner.
     */
    ContactDraft withSensitiveFields(ContactDraft valid, Contact current, String owner) {
        String seenOwner = current == null ? owner : current.owner();
        RecordAccess writeSensitive = scope(WRITE_SENSITIVE);
        return SensitiveFields.decide(valid, current, scope(READ_SENSITIVE).permits(seenOwner),
                writeSensitive.permits(seenOwner) && writeSensitive.permits(owner),
                contacts.permission(WRITE_SENSITIVE));
    }

    /** Whether the company exists and is within the caller's company read scope (a contact may name only those). */
    boolean mayName(UUID companyId) {
        RecordAccess read = companyScope();
        return read.any() && companyRecords.ownerOf(companyId).filter(read::permits).isPresent();
    }

    private RecordAccess scope(String action) {
        return asked.computeIfAbsent(CONTACTS + ":" + action, key -> contacts.access(action));
    }

    private RecordAccess companyScope() {
        return asked.computeIfAbsent(COMPANIES + ":" + READ, key -> companies.access(READ));
    }
}
