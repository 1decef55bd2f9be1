package org.bastion.crm.audit.internal.archive;

import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.bastion.crm.api.audit.AuditActions;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditEntry;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.audit.internal.AuditConfig;
import org.bastion.crm.audit.internal.AuditDatabase;
import org.bastion.crm.audit.internal.export.ChainExporter;
import org.bastion.crm.audit.internal.export.ExportRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The daily retention job: every {@code retentionCheckMinutes} each node asks the database whether the day's run is
 * due; the one node that claims it verifies the chain and moves the entries older than {@code retentionDays} (PID
 * {@code org.bastion.crm.audit}) into an archive file under {@code ${karaf.data}/audit-archive}. A changed retention
 * period makes the run due at once. A negative period is refused with one log line and the previous one stays.
 */
@Component(service = RetentionJob.class, immediate = true, configurationPid = AuditConfig.PID)
public final class RetentionJob {

    /** The folder of archive files under {@code karaf.data}. */
    public static final String FOLDER = "audit-archive";

    static final long FIRST_CHECK_SECONDS = 30;

    private static final System.Logger LOG = System.getLogger(RetentionJob.class.getName());

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SigningKeys signingKeys;

    /** Where the run records {@code audit.archived}; absent while auditing is switched off. */
    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile AuditLog auditLog;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "crm-audit-retention");
        thread.setDaemon(true);
        return thread;
    });
    private final Retention retention;
    private volatile int retentionDays;
    private ScheduledFuture<?> checks;

    @Activate
    public RetentionJob(@Reference AuditDatabase database, AuditConfig config) {
        ChainExporter exporter = new ChainExporter(database.transactions());
        Archiver archiver = new Archiver(database.transactions(), folder(),
                (from, to, out) -> exporter.export(new ExportRange(from, to), signingKeys, out));
        this.retention = new Retention(database.transactions(), archiver, () -> signingKeys, Clock.systemUTC(),
                System.getProperty("karaf.name", "node") + "/" + UUID.randomUUID(), this::recordArchive);
        this.retentionDays = valid(config.retentionDays(), 400);
        schedule(config, FIRST_CHECK_SECONDS);
    }

    @Modified
    void modified(AuditConfig config) {
        int days = valid(config.retentionDays(), retentionDays);
        boolean changed = days != retentionDays;
        retentionDays = days;
        if (changed) {
            retention.dueNow();
        }
        schedule(config, changed ? 0 : FIRST_CHECK_SECONDS);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void recordArchive(Archiver.Result result) {
        AuditLog log = auditLog;
        if (log != null) {
            log.record(AuditEntry.success(AuditActions.AUDIT_ARCHIVED).actor(AuditActor.SYSTEM)
                    .detail("from", result.from()).detail("through", result.through())
                    .detail("file", result.file().getFileName().toString()).build());
        }
    }

    /** The archive folder: {@code ${karaf.data}/audit-archive}. */
    static Path folder() {
        return Path.of(System.getProperty("karaf.data", "data")).resolve(FOLDER);
    }

    private synchronized void schedule(AuditConfig config, long firstSeconds) {
        if (checks != null) {
            checks.cancel(false);
        }
        long minutes = Math.max(1, config.retentionCheckMinutes());
        checks = executor.scheduleWithFixedDelay(() -> retention.runIfDue(retentionDays), firstSeconds,
                TimeUnit.MINUTES.toSeconds(minutes), TimeUnit.SECONDS);
    }

    private static int valid(int days, int previous) {
        if (days < 0) {
            LOG.log(System.Logger.Level.WARNING, "Audit retentionDays " + days + " refused: it must be 0 or more;"
                    + " keeping " + previous);
            return previous;
        }
        return days;
    }
}
