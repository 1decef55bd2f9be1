package org.bastion.crm.monitor.internal.alert;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.bastion.crm.api.audit.AuditRecord;
import org.bastion.crm.api.monitor.Alert;
import org.bastion.crm.api.monitor.AlertQuery;
import org.bastion.crm.api.monitor.AlertState;
import org.bastion.crm.api.monitor.AlertTrigger;
import org.bastion.crm.monitor.internal.db.MonitorDatabase;
import org.bastion.crm.support.jdbc.Sql;
import org.bastion.crm.support.jdbc.SqlWork;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The alerts in the database: folds triggering entries into the open or acknowledged alert of their rule and subject
 * (one per cluster: a unique key while it is not resolved), lists them and changes their state.
 */
@Component(service = AlertStore.class)
public final class AlertStore {

    private final MonitorDatabase database;
    private final Clock clock;

    @Activate
    public AlertStore(@Reference MonitorDatabase database) {
        this(database, Clock.systemUTC());
    }

    public AlertStore(MonitorDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** Folds the triggering {@code record} into the alert of {@code rule} and the trigger's subject, or raises one. */
    public Folded fold(String rule, AlertTrigger trigger, AuditRecord record) {
        try {
            return database.write(foldWork(rule, trigger, record));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && Sql.isConstraintViolation(sql)) {
                return database.write(foldWork(rule, trigger, record)); // another node raised it first: fold into it
            }
            throw e;
        }
    }

    private SqlWork<Folded> foldWork(String rule, AlertTrigger trigger, AuditRecord record) {
        return connection -> {
            Instant now = clock.instant();
            Optional<Alert> open = AlertRows.lockOpen(connection, AlertRows.openKey(rule, trigger.subject()));
            if (open.isPresent()) {
                Alert alert = open.get();
                if (record.sequence() <= alert.lastSequence()) {
                    return new Folded(alert, Folded.Kind.ALREADY_FOLDED);
                }
                AlertRows.fold(connection, alert.id(), record.sequence(), trigger.summary(), now);
                return new Folded(new Alert(alert.id(), rule, alert.severity(), alert.subject(), trigger.summary(),
                        alert.firstSequence(), record.sequence(), alert.count() + 1, alert.state(), alert.raisedAt(),
                        now, alert.updatedBy()), Folded.Kind.REPEATED);
            }
            Alert raised = new Alert(UUID.randomUUID(), rule, trigger.severity(), trigger.subject(), trigger.summary(),
                    record.sequence(), record.sequence(), 1, AlertState.OPEN, now, now, null);
            AlertRows.insert(connection, raised);
            return new Folded(raised, Folded.Kind.RAISED);
        };
    }

    /** The alert with {@code id}. */
    public Optional<Alert> find(UUID id) {
        return database.read(connection -> AlertRows.find(connection, id, false));
    }

    /** One page of the alerts matching {@code query}, newest first, and how many match. */
    public List<Alert> list(AlertQuery query, long offset, int limit) {
        return database.read(connection -> AlertRows.list(connection, query, offset, limit));
    }

    /** How many alerts match {@code query}. */
    public long count(AlertQuery query) {
        return database.read(connection -> AlertRows.count(connection, query));
    }

    /** The database, for work that must share a transaction with a state change (the audit entry of it). */
    MonitorDatabase database() {
        return database;
    }

    Clock clock() {
        return clock;
    }
}
