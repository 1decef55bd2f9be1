package org.bastion.crm.contacts.internal;

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

import org.apache.aries.jpa.template.JpaTemplate;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.ConflictException;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.companies.Company;
import org.bastion.crm.api.companies.CompanyDraft;
import org.bastion.crm.api.companies.CompanyQuery;
import org.bastion.crm.api.companies.CompanyService;
import org.bastion.crm.contacts.internal.jpa.JpaCompanyRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

/**
 * The company service: validates drafts, keeps domains unique, refuses to delete a company contacts still belong
 * to, and posts an event for every change. A negative {@code expectedVersion} means "whatever the current version is".
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

    /** Activated once the schema is migrated ({@code schema}) and the persistence unit is up. */
    @Activate
    public CompanyServiceImpl(@Reference(target = "(osgi.unit.name=crm-contacts)") JpaTemplate jpa,
                              @Reference ContactsSchema schema) {
        this(new JpaCompanyRepository(jpa), JpaCompanyRepository.contactCounter(jpa), Clock.systemUTC());
    }

    /** @param contactsOfCompany how many contacts belong to a company (the contact data itself is not needed) */
    CompanyServiceImpl(CompanyRepository companies, ToLongFunction<UUID> contactsOfCompany, Clock clock) {
        this.companies = companies;
        this.contactsOfCompany = contactsOfCompany;
        this.clock = clock;
    }

    @Override
    public Company create(CompanyDraft draft) {
        CompanyDraft valid = CompanyDraftValidator.validate(draft);
        requireFreeDomain(valid.domain(), null);
        Caller caller = Callers.current(callerContext);
        Instant now = now();
        String owner = valid.owner() != null ? valid.owner() : caller.id();
        Company stored = companies.insert(toCompany(UUID.randomUUID(), valid, owner, now, now, 0));
        DomainEvents.post(eventAdmin, TOPIC_PREFIX, DomainEvents.CREATED, stored.id(), caller);
        return stored;
    }

    @Override
    public Optional<Company> find(UUID id) {
        return id == null ? Optional.empty() : companies.find(id);
    }

    @Override
    public Company update(UUID id, long expectedVersion, CompanyDraft draft) {
        if (id == null) {
            throw ValidationException.of("id", "is required");
        }
        CompanyDraft valid = CompanyDraftValidator.validate(draft);
        requireFreeDomain(valid.domain(), id);
        Caller caller = Callers.current(callerContext);
        Instant now = now();
        Company stored = companies.update(id, current -> {
            Callers.requireVersion(KIND, id, expectedVersion, current.version());
            String owner = valid.owner() != null ? valid.owner() : current.owner();
            return toCompany(id, valid, owner, current.createdAt(), now, current.version());
        }).orElseThrow(() -> new NotFoundException(KIND, id));
        DomainEvents.post(eventAdmin, TOPIC_PREFIX, DomainEvents.UPDATED, id, caller);
        return stored;
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        if (id == null) {
            return false;
        }
        Caller caller = Callers.current(callerContext);
        boolean deleted = companies.delete(id, current -> {
            Callers.requireVersion(KIND, id, expectedVersion, current.version());
            long members = contactsOfCompany.applyAsLong(id);
            if (members > 0) {
                throw new ConflictException("company " + id + " still has " + members
                        + (members == 1 ? " contact" : " contacts") + "; move or delete them first");
            }
        }).isPresent();
        if (deleted) {
            DomainEvents.post(eventAdmin, TOPIC_PREFIX, DomainEvents.DELETED, id, caller);
        }
        return deleted;
    }

    @Override
    public Page<Company> search(CompanyQuery query) {
        CompanyQuery q = query == null ? new CompanyQuery(null, null, null, null) : query;
        List<SortKey> order = SortRules.resolve(q.page().sort(), SORT_FIELDS, DEFAULT_ORDER);
        return companies.search(new CompanyCriteria(lowerCaseWords(q.text()), Tags.filter(q.tag()),
                TextRules.trimToNull(q.owner()), order, q.page().page(), q.page().size()));
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
