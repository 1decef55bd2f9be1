package com.example.deals.internal;

import static com.example.deals.internal.DealsPermissionSet.DELETE;
import static com.example.deals.internal.DealsPermissionSet.READ;
import static com.example.deals.internal.DealsPermissionSet.READ_SENSITIVE;
import static com.example.deals.internal.DealsPermissionSet.WRITE;
import static com.example.deals.internal.DealsPermissionSet.WRITE_SENSITIVE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.transaction.TransactionManager;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.NotFoundException;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.ServiceUnavailableException;
import org.bastion.crm.api.SortKey;
import org.bastion.crm.api.SortRules;
import org.bastion.crm.api.StaleVersionException;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.audit.AuditPolicy;
import org.bastion.crm.api.audit.AuditRecorder;
import org.bastion.crm.api.contacts.ContactService;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.RecordRef;
import org.bastion.crm.api.events.RecordEvents;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.RecordAccess;
import org.bastion.crm.api.permissions.ScopedAccess;
import org.bastion.crm.support.jdbc.JoiningTransactions;
import org.bastion.crm.support.jdbc.SqlWork;
import org.bastion.crm.support.jdbc.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;

import com.example.deals.Deal;
import com.example.deals.DealDraft;
import com.example.deals.DealQuery;
import com.example.deals.DealService;

/**
 * Deals with the caller's {@code deals:*} record scopes applied: reads limited to the read scope (a deal outside it is
 * not found), changes to the write and delete scopes, notes (stored encrypted under a key per deal) read and written
 * only with {@code deals:read-sensitive} / {@code deals:write-sensitive}; lists never carry notes. A contact reference
 * is checked through crm-api's ContactService while one is registered, and stored unchecked while contacts is absent.
 * Every change is recorded in the audit trail with its field history, in the change's transaction, while crm-audit is
 * installed (notes as personal data under the deal's key), and posts a {@link RecordEvents} event (the deal's id and
 * the caller's, no data).
 */
// tag::service-component[]
@Component(service = DealService.class)
public final class DealServiceImpl implements DealService {

    static final String KIND = "deal";
    static final String NOTES = "notes";
    /** The topics of deal events: {@code org/bastion/crm/deals/CREATED}, {@code UPDATED}, {@code DELETED}. */
    static final String TOPIC_PREFIX = RecordEvents.topicPrefix(DOMAIN);
    static final Set<String> SORT_FIELDS = Set.of("title", "amount", "closeDate", "stage", "createdAt", "updatedAt");
    static final List<SortKey> DEFAULT_ORDER = List.of(new SortKey("createdAt", true));
    // end::service-component[]

    // tag::service-references[]
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    /** Who may do what; while none is registered only admins and the system caller may do anything. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile EventAdmin eventAdmin;

    /** Present while crm-contacts is installed: contact references are checked through it. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile ContactService contacts;

    private final DealStore store;
    private final FieldCipher cipher;
    private final Transactions transactions;
    private final Clock clock;
    private final DealValidator validator = new DealValidator();

    @Activate
    public DealServiceImpl(@Reference DealsSchema schema, @Reference FieldCipher cipher,
                           @Reference TransactionManager transactionManager) {
        this(new JdbcDealStore(schema.dataSource()), cipher, new JoiningTransactions(transactionManager, schema.dataSource()),
                Clock.systemUTC());
    }
    // end::service-references[]

    // tag::audit[]
    /** The audit trail while crm-audit is installed; the plugin works without it (optional, like every capability). */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    /** Whether changes must be refused (503) while no audit trail is installed. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditPolicy auditPolicy;

    private final AuditRecorder audit = new AuditRecorder(() -> this.auditLog, () -> this.auditPolicy);
    // end::audit[]

    DealServiceImpl(DealStore store, FieldCipher cipher, Transactions transactions, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
    }

    // tag::service-create[]
    @Override
    public Deal create(DealDraft draft) {
        ScopedAccess access = access();
        RecordAccess write = access.require(WRITE);
        DealDraft valid = validator.validate(draft);
        String owner = valid.owner() == null ? access.caller().id() : valid.owner();
        access.requireMayGiveTo(write, WRITE, owner);
        if (valid.notes() != null) {
            access.requireWithin(access.require(WRITE_SENSITIVE), WRITE_SENSITIVE, owner);
        }
        checkContact(valid.contactId());
        audit.checkChangesAllowed();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Deal deal = new Deal(id, valid.title(), valid.amount(), valid.currency(), valid.stage(), valid.closeDate(),
                valid.contactId(), owner, valid.notes(), 1, now, now);
        inTransaction(connection -> {
            String sealed = cipher.createRecordKey(ref(id)).encrypt(NOTES, valid.notes());
            store.insert(deal.withNotes(sealed));
            audit.change(DealHistory.entry(DealHistory.CREATED, null, deal));
            return null;
        });
        RecordEvents.post(eventAdmin, TOPIC_PREFIX, RecordEvents.CREATED, id, access.caller());
        return deal;
    }
    // end::service-create[]

    @Override
    public Optional<Deal> find(UUID id) {
        ScopedAccess access = access();
        return readable(access, id).map(stored -> shown(access, stored));
    }

    @Override
    public Deal update(UUID id, long expectedVersion, DealDraft draft) {
        ScopedAccess access = access();
        Deal current = readable(access, id).orElseThrow(() -> new NotFoundException(KIND, id));
        RecordAccess write = access.require(WRITE);
        access.requireWithin(write, WRITE, current.owner());
        DealDraft valid = validator.validate(draft);
        String owner = valid.owner() == null ? current.owner() : valid.owner();
        access.requireMayGiveTo(write, WRITE, owner);
        if (expectedVersion >= 0 && expectedVersion != current.version()) {
            throw new StaleVersionException(KIND, id, expectedVersion, current.version());
        }
        if (!Objects.equals(valid.contactId(), current.contactId())) {
            checkContact(valid.contactId());
        }
        audit.checkChangesAllowed();
        String sealedNotes = notesAfter(access, current, valid.notes());
        Deal updated = new Deal(id, valid.title(), valid.amount(), valid.currency(), valid.stage(), valid.closeDate(),
                valid.contactId(), owner, sealedNotes, current.version() + 1, current.createdAt(), clock.instant());
        // tag::audit-update[]
        // the history compares plaintext notes: the stored ones opened, the new ones as given (or kept)
        Deal before = current.withNotes(opened(current));
        Deal after = updated.withNotes(Objects.equals(sealedNotes, current.notes()) ? before.notes() : valid.notes());
        boolean written = inTransaction(connection -> {
            if (!store.update(updated, current.version())) {
                return false;
            }
            audit.change(DealHistory.entry(DealHistory.UPDATED, before, after)); // rolls back with the update
            return true;
        });
        // end::audit-update[]
        if (!written) {
            long now = store.find(id).map(Deal::version).orElseThrow(() -> new NotFoundException(KIND, id));
            throw new StaleVersionException(KIND, id, current.version(), now);
        }
        RecordEvents.post(eventAdmin, TOPIC_PREFIX, RecordEvents.UPDATED, id, access.caller());
        return shown(access, updated);
    }

    @Override
    public boolean delete(UUID id, long expectedVersion) {
        ScopedAccess access = access();
        Optional<Deal> current = readable(access, id);
        if (current.isEmpty()) {
            return false;
        }
        access.requireWithin(access.require(DELETE), DELETE, current.get().owner());
        if (expectedVersion >= 0 && expectedVersion != current.get().version()) {
            throw new StaleVersionException(KIND, id, expectedVersion, current.get().version());
        }
        // tag::transaction[]
        audit.checkChangesAllowed();
        boolean deleted = inTransaction(connection -> {
            boolean removed = store.delete(id, expectedVersion);
            if (removed) {
                cipher.destroyRecordKey(ref(id));
                audit.change(DealHistory.entry(DealHistory.DELETED, current.get(), null));
            }
            return removed;
        });
        // end::transaction[]
        if (deleted) {
            RecordEvents.post(eventAdmin, TOPIC_PREFIX, RecordEvents.DELETED, id, access.caller());
        }
        return deleted;
    }

    // tag::service-search[]
    @Override
    public Page<Deal> search(DealQuery query) {
        ScopedAccess access = access();
        RecordAccess read = access.require(READ);
        List<SortKey> order = SortRules.resolve(query.page().sort(), SORT_FIELDS, DEFAULT_ORDER);
        Page<Deal> page = store.search(query, ScopedAccess.ownerFilter(read), order);
        return new Page<>(page.items().stream().map(deal -> deal.withNotes(null)).toList(), page.total(), page.page(),
                page.size());
    }
    // end::service-search[]

    private Optional<Deal> readable(ScopedAccess access, UUID id) {
        RecordAccess read = access.require(READ);
        return store.find(id).filter(deal -> read.permits(deal.owner()));
    }

    // tag::service-shown[]
    /** The stored deal as the caller may see it: notes decrypted with read-sensitive reaching the owner, else null. */
    private Deal shown(ScopedAccess access, Deal stored) {
        if (stored.notes() == null || !access.access(READ_SENSITIVE).permits(stored.owner())) {
            return stored.withNotes(null);
        }
        return stored.withNotes(cipher.recordCipher(ref(stored.id())).decrypt(NOTES, stored.notes()));
    }
    // end::service-shown[]

    /** The stored deal's notes in plaintext, or null. */
    private String opened(Deal stored) {
        return stored.notes() == null ? null : cipher.recordCipher(ref(stored.id())).decrypt(NOTES, stored.notes());
    }

    /**
     * The ciphertext the updated deal keeps: the new notes with write-sensitive; without it, absent notes keep the
     * stored ones and notes equal to the stored ones are accepted (a read-modify-write), any other notes refused.
     */
    private String notesAfter(ScopedAccess access, Deal current, String notes) {
        if (access.access(WRITE_SENSITIVE).permits(current.owner())) {
            return cipher.recordCipher(ref(current.id())).encrypt(NOTES, notes);
        }
        if (notes == null || (current.notes() != null && access.access(READ_SENSITIVE).permits(current.owner())
                && notes.equals(cipher.recordCipher(ref(current.id())).decrypt(NOTES, current.notes())))) {
            return current.notes();
        }
        throw new AccessDeniedException("this needs the permission deals:write-sensitive for this record");
    }

    private void checkContact(UUID contactId) {
        ContactService directory = contacts;
        if (contactId == null || directory == null) {
            return;
        }
        try {
            if (directory.find(contactId).isPresent()) {
                return;
            }
        } catch (AccessDeniedException cannotReadContacts) {
            // reported like an unknown contact: the caller learns nothing about contacts it may not read
        }
        throw ValidationException.of("contactId", "names no contact you may read");
    }

    // tag::service-access[]
    private ScopedAccess access() {
        CallerContext context = callerContext;
        Caller caller = context == null ? Caller.SYSTEM : context.current();
        return new ScopedAccess(permissions, caller == null ? Caller.ANONYMOUS : caller, DOMAIN);
    }
    // end::service-access[]

    private static RecordRef ref(UUID id) {
        return new RecordRef(KIND, id.toString());
    }

    // tag::transaction-helper[]
    /**
     * Runs {@code work} in one JTA transaction (the caller's, or a new one committed at the end): the store's
     * statements and the record key crm-crypto writes inside it commit or roll back together. The work's own
     * connection is not needed: the store's connections join the same transaction.
     */
    private <T> T inTransaction(SqlWork<T> work) {
        try {
            return transactions.write(work);
        } catch (SQLException e) {
            System.getLogger(DealServiceImpl.class.getName()).log(System.Logger.Level.WARNING,
                    "deals transaction failed: SQLState " + e.getSQLState() + ", " + e.getMessage());
            throw new ServiceUnavailableException("the change could not be committed; nothing was stored");
        }
    }
    // end::transaction-helper[]
}
