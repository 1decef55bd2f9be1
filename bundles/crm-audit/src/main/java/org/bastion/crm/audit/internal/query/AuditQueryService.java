package org.bastion.crm.audit.internal.query;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.List;

import org.bastion.crm.api.AccessDeniedException;
import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.permissions.AdminOnlyPermissions;
import org.bastion.crm.api.permissions.Permissions;
import org.bastion.crm.api.permissions.StandardPermissions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The trail as a caller may read it: any entry for holders of {@code audit:read} (403 otherwise), and every
 * authenticated caller's own login history (the {@code auth.*} entries whose actor they are).
 */
@Component(service = AuditQueryService.class)
public class AuditQueryService {

    /** The action prefix of authentication entries, the caller's own activity. */
    public static final String AUTH_PREFIX = "auth.";

    private final AuditTrailReader reader;

    /** Who is calling (crm-rest); while none is registered, the caller is anonymous and is refused. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    /** Who may do what; while none is registered, only admins and the system caller may read the trail. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile Permissions permissions;

    @Activate
    public AuditQueryService(@Reference AuditTrailReader reader) {
        this.reader = reader;
    }

    /** A service for {@code callers} (tests). */
    public AuditQueryService(CallerContext callers, AuditTrailReader reader) {
        this(reader);
        this.callerContext = callers;
    }

    /**
     * One page of the entries matching {@code filter}, newest first.
     *
     * @throws AccessDeniedException when the caller lacks {@code audit:read}
     */
    public Page<AuditRecord> search(AuditFilter filter, PageRequest page) {
        requireAuditRead();
        return records(reader.search(filter, page));
    }

    /**
     * One page of the caller's own authentication entries, newest first; needs no permission beyond being logged in.
     *
     * @throws AccessDeniedException when the caller is not authenticated
     */
    public Page<AuditRecord> ownActivity(PageRequest page) {
        Caller caller = caller();
        if (!caller.authenticated() || Caller.ANONYMOUS.id().equals(caller.id())) {
            throw new AccessDeniedException("log in to see your activity");
        }
        return records(reader.search(AuditFilter.actorActions(caller.id(), AUTH_PREFIX), page));
    }

    /**
     * Up to {@code limit} entries after {@code sequence}, in chain order (following the trail).
     *
     * @throws AccessDeniedException when the caller lacks {@code audit:read}
     */
    public List<AuditRecord> after(long sequence, int limit) {
        requireAuditRead();
        return reader.after(sequence, limit).stream().map(StoredEntry::toRecord).toList();
    }

    /**
     * The newest chained sequence number.
     *
     * @throws AccessDeniedException when the caller lacks {@code audit:read}
     */
    public long lastSequence() {
        requireAuditRead();
        return reader.lastSequence();
    }

    private void requireAuditRead() {
        AdminOnlyPermissions.orFailClosed(permissions).check(caller(), StandardPermissions.AUDIT_READ);
    }

    private Caller caller() {
        CallerContext context = callerContext;
        return context == null ? Caller.ANONYMOUS : context.current();
    }

    private static Page<AuditRecord> records(Page<StoredEntry> page) {
        return new Page<>(page.items().stream().map(StoredEntry::toRecord).toList(), page.total(), page.page(),
                page.size());
    }
}
