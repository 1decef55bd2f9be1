package org.bastion.crm.contacts.internal;

import static org.bastion.crm.api.permissions.StandardPermissions.DELETE;
import static org.bastion.crm.api.permissions.StandardPermissions.READ;
import static org.bastion.crm.api.permissions.StandardPermissions.WRITE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.FieldError;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.SortRules;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.contacts.Contact;
import org.bastion.crm.api.contacts.ContactDraft;
import org.bastion.crm.api.contacts.ContactQuery;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.events.RecordEvents;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.contacts.internal.jpa.JpaCompanyRepository;
import org.bastion.crm.contacts.internal.jpa.JpaContactRepository;
import org.bastion.crm.support.jpa.RefusalCarryingTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The contact service: checks the caller's permissions (record scopes on the owner, sensitive fields; ADR 8),
 * validates and normalises every draft, keeps owners and versions, records every change with its field history in
 * the change's transaction and every read and list page in the audit trail ({@link RecordAudit}), and posts an
 * event for every change. A negative
 * {@code expectedVersion} means "whatever the current version is".
 */
@Component(service = ContactService.class, configurationPid = ContactsConfiguration.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ContactsConfiguration.class)
public final class ContactServiceImpl implements ContactService {

    private static final System.Logger LOG = System.getLogger(ContactServiceImpl.class.getName());
    private static final String KIND = "contact";
    private static final String NO_SUCH_COMPANY = "no such company";

    /** The fields a contact list may be sorted by (besides {@code id}). */
    public static final Set<String> SORT_FIELDS = Set.of("firstName", "lastName", "createdAt", "updatedAt");

    /**
     * The order of a list when the caller names none: creation time (then id), which the database sorts on an index;
     * names are encrypted and sorted in memory, for searches narrow enough only.
     */
    public static final List<SortKey> DEFAULT_ORDER = List.of(new SortKey("createdAt", true));

    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final Clock clock;
    private volatile Settings settings;

    /** The configured parts of the service, replaced together when the configuration changes. */
    private record Settings(ContactDraftValidator validator, PhoneNumbers phoneNumbers, int nameSortLimit) {
    }

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile EventAdmin eventAdmin;

    /** Who may do what; while none is registered, only admins and the system caller may do anything. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;

    /** The audit trail (crm-audit); while none is registered, changes go unrecorded unless the policy requires one. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final RecordAudit<Contact> audit = new RecordAudit<>(KIND, Contact.class, Contact::id, true,
            new RecordAudit.Actions(AuditActions.CONTACT_CREATED, AuditActions.CONTACT_UPDATED,
                    AuditActions.CONTACT_DELETED, AuditActions.CONTACT_READ, AuditActions.CONTACT_LISTED),
            new AuditRecorder(() -> auditLog, () -> auditPolicy));

    /**
     * Activated once the schema is migrated ({@code schema}) and the persistence unit is up; a refused write leaves
     * its transaction through a rollback, not as a failure of the container's template.
     */
    @Activate
    public ContactServiceImpl(@Reference(target = "(osgi.unit.name=crm-contacts)") JpaTemplate jpa,
                              @Reference ContactsSchema schema, @Reference FieldCipher fieldCipher,
                              @Reference TransactionManager transactionManager, ContactsConfiguration configuration) {
        this(new RefusalCarryingTemplate(jpa, transactionManager), schema, fieldCipher, configuration);
    }

    private ContactServiceImpl(JpaTemplate jpa, ContactsSchema schema, FieldCipher fieldCipher,
                               ContactsConfiguration configuration) {
        this(new JpaContactRepository(jpa, schema.dataSource(), fieldCipher), new JpaCompanyRepository(jpa),
                Clock.systemUTC(), configuration.defaultCallingCode(), configuration.nameSortLimit());
    }

    ContactServiceImpl(ContactRepository contacts, CompanyRepository companies, Clock clock, String defaultCallingCode) {
        this(contacts, companies, clock, defaultCallingCode, ContactsConfiguration.DEFAULT_NAME_SORT_LIMIT);
    }

    ContactServiceImpl(ContactRepository contacts, CompanyRepository companies, Clock clock, String defaultCallingCode,
                       int nameSortLimit) {
        this.contacts = contacts;
        this.companies = companies;
        this.clock = clock;
        this.settings = settings(defaultCallingCode, nameSortLimit);
    }

    @Modified
    void modified(ContactsConfiguration configuration) {
        settings = settings(configuration.defaultCallingCode(), configuration.nameSortLimit());
    }

    private Settings settings(String defaultCallingCode, int nameSortLimit) {
        PhoneNumbers phoneNumbers = phoneNumbers(defaultCallingCode);
        if (nameSortLimit < 0) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring a negative nameSortLimit of " + ContactsConfiguration.PID);
        }
        return new Settings(new ContactDraftValidator(phoneNumbers, clock), phoneNumbers,
                nameSortLimit < 0 ? ContactsConfiguration.DEFAULT_NAME_SORT_LIMIT : nameSortLimit);
    }

    @Override
    public Contact create(ContactDraft draft) {
        ContactAccess access = access();
        access.require(WRITE);
        ContactDraft valid = validate(draft, access::mayName);
        String owner = access.ownerOfNew(valid);
        ContactDraft decided = access.withSensitiveFields(valid, null, owner);
        audit.checkChangesAllowed();
        Instant now = now();
        Contact stored = contacts.insert(toContact(UUID.randomUUID(), decided, owner, now, now, 0), audit::created);
        RecordEvents.post(eventAdmin, TOPIC_PREFIX, RecordEvents.CREATED, stored.id(), access.caller());
        return access.visible(stored);
    }

    /**
     * {@inheritDoc} A contact outside the caller's read scope is a NotFoundException marked out of scope (a 404 like
     * a missing one, recorded as a denial).
     *
     * @throws org.bastion.crm.api.AccessDeniedException when the caller may read no contact at all
     */
    @Override
    public Optional<Contact> find(UUID id) {
        ContactAccess access = access();
        access.require(READ);
        if (id == null) {
            return Optional.empty();
        }
        Optional<Contact> found = contacts.find(id).map(contact -> access.requireVisible(id, contact))
                .map(access::visible);
        found.ifPresent(audit::read);
        return found;
    }

    /** {@inheritDoc} A contact outside the caller's read scope is not found; one outside its write scope a 403. */
    @Override
    public Contact update(UUID id, long expectedVersion, ContactDraft draft) {
        requireId(id);
        ContactAccess access = access();
        access.require(WRITE);
        ContactDraft valid = validate(draft, null);
        audit.checkChangesAllowed();
        Instant now = now();
        Contact stored = contacts.update(id, current -> {
            access.requireVisible(id, current);
            Callers.requireVersion(KIND, id, expectedVersion, current.version());
            access.requireWithin(WRITE, current);
            String owner = access.ownerAfterChange(valid, current);
            if (valid.companyId() != null && !valid.companyId().equals(current.companyId())
                    && !access.mayName(valid.companyId())) {
                throw ValidationException.of("companyId", NO_SUCH_COMPANY);
            }
            ContactDraft decided = access.withSensitiveFields(valid, current, owner);
            Contact changed = toContact(id, decided, owner, current.createdAt(), now, current.version());
            audit.updated(current, changed);
            return changed;
        }).orElseThrow(() -> new NotFoundException(KIND, id));
        RecordEvents.post(eventAdmin, TOPIC_PREFIX, RecordEvents.UPDATED, id, access.caller());
        return access.visible(stored);
    }

    /** {@inheritDoc} False as well when the contact is outside the caller's read scope; a 403 outside delete's. */
    @Override
    public boolean delete(UUID id, long expectedVersion) {
        ContactAccess access = access();
        access.require(DELETE);
        if (id == null) {
            return false;
        }
        audit.checkChangesAllowed();
        boolean deleted;
        try {
            deleted = contacts.delete(id, current -> {
                access.requireVisible(id, current);
                Callers.requireVersion(KIND, id, expectedVersion, current.version());
                access.requireWithin(DELETE, current);
                audit.deleted(current);
            }).isPresent();
        } catch (NotFoundException outOfReach) {
            if (outOfReach.outOfScope()) {
                throw outOfReach;
            }
            return false;
        }
        if (deleted) {
            RecordEvents.post(eventAdmin, TOPIC_PREFIX, RecordEvents.DELETED, id, access.caller());
        }
        return deleted;
    }

    /** {@inheritDoc} Only contacts within the caller's read scope are matched and counted. */
    @Override
    public Page<Contact> search(ContactQuery query) {
        ContactAccess access = access();
        Set<String> owners = access.readableOwners();
        ContactQuery q = query == null ? ContactQuery.all() : query;
        SearchFilters.requirePrintable(q.text(), q.tag(), q.owner());
        Settings current = settings;
        List<SortKey> order = SortRules.resolve(q.page().sort(), SORT_FIELDS, DEFAULT_ORDER);
        Page<Contact> page = contacts.search(new ContactCriteria(SearchWord.parse(q.text(), current.phoneNumbers()),
                Tags.filter(q.tag()), q.companyId(), TextRules.trimToNull(q.owner()), order, q.page().page(),
                q.page().size(), current.nameSortLimit(), owners));
        Page<Contact> shown = new Page<>(page.items().stream().map(access::visible).toList(), page.total(), page.page(),
                page.size());
        audit.listed(shown);
        return shown;
    }

    /** {@inheritDoc} Only the contacts within the caller's read scope. */
    @Override
    public long count() {
        return contacts.count(access().readableOwners());
    }

    private ContactAccess access() {
        return new ContactAccess(permissions, Callers.current(callerContext), companies);
    }

    /**
     * Validates the draft and, given {@code companyKnown}, checks that its company is one the caller may know,
     * reporting all problems together.
     */
    private ContactDraft validate(ContactDraft draft, Predicate<UUID> companyKnown) {
        List<FieldError> errors = new ArrayList<>();
        ContactDraft valid = null;
        try {
            valid = settings.validator().validate(draft);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (companyKnown != null && draft != null && draft.companyId() != null
                && !companyKnown.test(draft.companyId())) {
            errors.add(new FieldError("companyId", NO_SUCH_COMPANY));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return valid;
    }

    private static Contact toContact(UUID id, ContactDraft d, String owner, Instant createdAt, Instant updatedAt,
                                     long version) {
        return new Contact(id, d.firstName(), d.lastName(), d.title(), d.companyId(), d.emails(), d.phones(),
                d.addresses(), d.tags(), owner, d.notes(), d.birthday(), createdAt, updatedAt, version);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireId(UUID id) {
        if (id == null) {
            throw ValidationException.of("id", "is required");
        }
    }

    private static PhoneNumbers phoneNumbers(String defaultCallingCode) {
        try {
            return new PhoneNumbers(defaultCallingCode);
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "Ignoring defaultCallingCode of " + ContactsConfiguration.PID + ": "
                    + e.getMessage());
            return new PhoneNumbers(null);
        }
    }
}
