package org.bastion.crm.audit.internal.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.bastion.crm.api.Page;
import org.bastion.crm.api.PageRequest;
import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.audit.internal.query.AuditFilter;
import org.bastion.crm.audit.internal.query.AuditFilters;
import org.bastion.crm.audit.internal.query.AuditQueryService;
import org.bastion.crm.shell.CrmAction;

/** {@code crm:audit-search}: one page of the audit trail, newest first, with the filters of {@code GET /audit}. */
@Service
@Command(scope = "crm", name = "audit-search", description = "Searches the audit trail, newest first (audit:read)")
public class AuditSearchCommand extends CrmAction {

    @Reference
    AuditQueryService queries;

    @Option(name = "--actor", description = "The actor's user id")
    String actor;

    @Option(name = "--action", description = "An action name (auth.login.failed) or a prefix ending in .* (auth.*)")
    String action;

    @Option(name = "--target-kind", description = "The target's kind (contact, user, ...)")
    String targetKind;

    @Option(name = "--target-id", description = "The target's id (with --target-kind)")
    String targetId;

    @Option(name = "--outcome", description = "success, failure or denied")
    String outcome;

    @Option(name = "--from", description = "Earliest time, inclusive, ISO-8601 (2026-12-07T10:00:00Z)")
    String from;

    @Option(name = "--to", description = "Latest time, exclusive, ISO-8601")
    String to;

    @Option(name = "--page", description = "Which page, counting from 1 (default 1)")
    int page = 1;

    @Option(name = "--size", description = "Entries per page, 1 to 200 (default 50)")
    int size = 50;

    @Override
    protected void run() {
        if (page < 1) {
            throw ValidationException.of("page", "must be 1 or more");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        put(parameters, "actor", actor);
        put(parameters, "action", action);
        put(parameters, "targetKind", targetKind);
        put(parameters, "targetId", targetId);
        put(parameters, "outcome", outcome);
        put(parameters, "from", from);
        put(parameters, "to", to);
        AuditFilter filter = AuditFilters.parse(parameters, AuditFilters.FILTERS);
        Page<AuditRecord> found = queries.search(filter, new PageRequest(page - 1, size, List.of()));
        AuditRows.rows(AuditRows.table(), found.items()).print(out(), found, "entry", "entries");
    }

    private static void put(Map<String, List<String>> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, List.of(value));
        }
    }
}
