package org.bastion.crm.contacts.internal;

import static org.bastion.crm.api.permissions.StandardPermissions.COMPANIES;
import static org.bastion.crm.api.permissions.StandardPermissions.DELETE;
import static org.bastion.crm.api.permissions.StandardPermissions.READ;
import static org.bastion.crm.api.permissions.StandardPermissions.WRITE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToLongFunction;

import javax.transaction.TransactionManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.SortRules;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.companies.CompanyQuery;
import org.bastion.crm.api.companies.CompanyService;
import org.bastion.crm.api.events.RecordEvents;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.RecordAccess;
import org.bastion.crm.api.permissions.ScopedAccess;
import org.bastion.crm.contacts.internal.jpa.JpaCompanyRepository;
import org.bastion.crm.support.jpa.RefusalCarryingTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * The company service: checks the caller's record scopes on each company's owner (ADR 8), validates drafts, keeps
 * domains unique, refuses to delete a company contacts still belong to, records changes, reads and list pages in the
 * audit trail ({@link RecordAudit}), and posts an event for every change. A
 * negative {@code expectedVersion} means "whatever the current version is".
 */
@Component(service = CompanyService.class)
public final class CompanyServiceImpl implements CompanyService {

    private static final String KIND = "company";

    /** The fields a company list may be sorted by (besides {@code id}). */
    public static final Set<String> SORT_FIELDS = Set.of("name", "domain", "createdAt", "updatedAt");

    /** The order of a list when the caller names none: name (case-insensitive), then id. */
    public static final List<SortKey> DEFAULT_ORDER = List.of(new SortKey("name", true));

    private final CompanyRepository companies;
    private final ToLongFunction<UUID> contactsOfCompany;
    private final Clock clock;

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

    /** Companies carry no personal field (their API type tags none), so their history is plain and keyless. */
    private final RecordAudit<Company> audit = new RecordAudit<>(KIND, Company.class, Company::id, false,
            new RecordAudit.Actions(AuditActions.COMPANY_CREATED, AuditActions.COMPANY_UPDATED,
                    AuditActions.COMPANY_DELETED, AuditActions.COMPANY_READ, AuditActions.COMPANY_LISTED),
            new AuditRecorder(() -> auditLog, () -> auditPolicy));

    /**
     * Activated once the schema is migrated ({@code schema}) and the persistence unit is up; a refused write leaves
     * its transaction through a rollback, not as a failure of the container's template.
     */
    @Activate
    public CompanyServiceImpl(@Reference(target = "(osgi.unit.name=crm-contacts)") JpaTemplate jpa,
                              @Reference ContactsSchema schema, @Reference TransactionManager transactionManager) {
        this(new RefusalCarryingTemplate(jpa, transactionManager), Clock.systemUTC());
    }

    private CompanyServiceImpl(JpaTemplate jpa, Clock clock) {
        this(new JpaCompanyRepository(jpa), JpaCompanyRepository.contactCounter(jpa), clock);
    }

    /** @param contactsOfCompany how many contacts belong to a company (the contact data itself is not needed) */
    CompanyServiceImpl(CompanyRepository companies, ToLongFunction<UUID> contactsOfCompany, Clock clock) {
        this.companies = companies;
        this.contactsOfCompany = contactsOfCompany;
        this.clock = clock;
    }

    @Override
    public Company create(CompanyDraft draft) {
        ScopedAccess access = access();
        RecordAccess write = access.require(WRITE);
        CompanyDraft valid = CompanyDraftValidator.validate(draft);
        String owner = valid.owner() != null ? valid.owner() : access.caller().id();
        access.requireMayGiveTo(write, WRITE, owner);
        requireFreeDomain(valid.domain(), null);
        audit.checkChangesAllowed();
        Instant now = now();
        Company stored = companies.insert(toCompany(UUID.randomUUID(), valid, owner, now, now, 0), audit::created);
        RecordEvents.post(eventAdmin, TOPIC_PREFIX, RecordEvents.CREATED, stored.id(), access.caller());
        return stored;
    }

    /**
     * {@inheritDoc} A company outside the caller's read scope is a NotFoundException marked out of scope (a 404 like
     * a missing one, recorded as a denial).
     *
     * @throws org.bastion.crm.api.AccessDeniedException when the caller may read no company at all
     */
    @Override
    public Optional<Company> find(UUID id) {
        RecordAccess read = access().require(READ);
        if (id == null) {
            return Optional.empty();
        }
        Optional<Company> found = companies.find(id).map(company -> requireVisible(read, id, company));
        found.ifPresent(audit::read);
        return found;
    }

    /** {@inheritDoc} A company outside the caller's read scope is not found; one outside its write scope a 403. */
    @Override
    public Company update(UUID id, long expectedVersion, CompanyDraft draft) {
        if (id == null) {
            throw ValidationException.of("id", "is required");
        }
        ScopedAccess access = access();
        RecordAccess write = access.require(WRITE);
        RecordAccess read = access.access(READ);
        CompanyDraft valid = CompanyDraftValidator.validate(draft);
        requireFreeDomain(valid.domain(), id);
        audit.checkChangesAllowed();
        Instant now = now();
        Company stored = companies.update(id, current -> {
            requireVisible(read, id, current);
            Callers.requireVersion(KIND, id, expectedVersion, current.version());
            access.requireWithin(write, WRITE, current.owner());
            String owner = valid.owner() != null ? valid.owner() : current.owner();
            if (!owner.equals(current.owner())) {
                access.requireMayGiveTo(write, WRITE, owner);
            }
            Company changed = toCompany(id, valid, owner, current.createdAt(), now, current.version());
            audit.updated(current, changed);
            return changed;
        }).orElseThrow(() -> new NotFoundException(KIND, id));
        RecordEvents.post(eventAdmin, TOPIC_PREFIX, RecordEvents.UPDATED, id, access.caller());
        return stored;
    }

    /**
     * {@inheritDoc} False as well when the company is outside the caller's read scope; a 403 outside its delete
     * scope. The refusal while contacts belong to it counts every contact but names no number (the caller may not
     * see them all).
     */
    @Override
    public boolean delete(UUID id, long expectedVersion) {
        ScopedAccess access = access();
        RecordAccess delete = access.require(DELETE);
        if (id == null) {
            return false;
        }
        RecordAccess read = access.access(READ);
        audit.checkChangesAllowed();
        boolean deleted;
        try {
            deleted = companies.delete(id, current -> {
                requireVisible(read, id, current);
                Callers.requireVersion(KIND, id, expectedVersion, current.version());
                access.requireWithin(delete, DELETE, current.owner());
                if (contactsOfCompany.applyAsLong(id) > 0) {
                    throw new ConflictException("company " + id + " still has contacts; move or delete them first");
                }
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

    /** {@inheritDoc} Only companies within the caller's read scope are matched and counted. */
    @Override
    public Page<Company> search(CompanyQuery query) {
        Set<String> owners = ScopedAccess.ownerFilter(access().require(READ));
        CompanyQuery q = query == null ? new CompanyQuery(null, null, null, null) : query;
        SearchFilters.requirePrintable(q.text(), q.tag(), q.owner());
        List<SortKey> order = SortRules.resolve(q.page().sort(), SORT_FIELDS, DEFAULT_ORDER);
        Page<Company> page = companies.search(new CompanyCriteria(lowerCaseWords(q.text()), Tags.filter(q.tag()),
                TextRules.trimToNull(q.owner()), order, q.page().page(), q.page().size(), owners));
        audit.listed(page);
        return page;
    }

    private ScopedAccess access() {
        return new ScopedAccess(permissions, Callers.current(callerContext), COMPANIES);
    }

    private static Company requireVisible(RecordAccess read, UUID id, Company current) {
        if (!read.permits(current.owner())) {
            throw NotFoundException.outOfScope(KIND, id);
        }
        return current;
    }

    private static List<String> lowerCaseWords(String text) {
        return SearchWord.split(text).stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
    }

    private void requireFreeDomain(String domain, UUID self) {
        if (domain == null) {
            return;
        }
        Optional<UUID> holder = companies.findIdByDomain(domain);
        if (holder.isPresent() && !holder.get().equals(self)) {
            throw new ConflictException("another company already has the domain " + domain);
        }
    }

    private static Company toCompany(UUID id, CompanyDraft d, String owner, Instant createdAt, Instant updatedAt,
                                     long version) {
        return new Company(id, d.name(), d.domain(), d.address(), d.tags(), owner, createdAt, updatedAt, version);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
