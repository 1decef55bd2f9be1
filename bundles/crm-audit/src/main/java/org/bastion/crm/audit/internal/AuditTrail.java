package org.bastion.crm.audit.internal;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.sql.SQLException;
import java.time.Clock;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.CallerContext;
import org.bastion.crm.api.audit.AuditActor;
import org.bastion.crm.api.audit.AuditListener;
import org.bastion.crm.api.audit.AuditLog;
import org.bastion.crm.api.crypto.FieldCipher;
import org.bastion.crm.api.crypto.SigningKeys;
import org.bastion.crm.api.security.ClientInfo;
import org.bastion.crm.audit.internal.chain.Chainer;
import org.bastion.crm.audit.internal.chain.Checkpointer;
import org.bastion.crm.audit.internal.chain.ListenerDispatch;
import org.bastion.crm.audit.internal.write.AuditLogService;
import org.bastion.crm.audit.internal.write.BatchWriter;
import org.bastion.crm.audit.internal.write.ChangeEncoder;
import org.bastion.crm.audit.internal.write.RowMaker;
import org.bastion.crm.audit.internal.write.WriteQueue;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The audit trail's engine: the write queue and its writer, the chainer with its checkpoints and the listener
 * dispatch, configured by PID {@code org.bastion.crm.audit}. It registers the {@link AuditLog} service while
 * {@code enabled} is true (the default) and withdraws it when false, so the CRM runs without auditing.
 */
@Component(service = AuditTrail.class, immediate = true, configurationPid = AuditConfig.PID)
@Designate(ocd = AuditConfig.class)
public final class AuditTrail {

    /** How often the chainer looks for committed entries without being nudged. */
    static final long POLL_MILLIS = 100;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile CallerContext callerContext;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile FieldCipher fieldCipher;

    @Reference(cardinality = OPTIONAL, policy = DYNAMIC, policyOption = GREEDY)
    volatile SigningKeys signingKeys;

    private final ListenerDispatch dispatch = new ListenerDispatch();
    private final BundleContext context;
    private final WriteQueue queue;
    private final BatchWriter writer;
    private final Checkpointer checkpointer;
    private final Chainer chainer;
    private final AuditLogService log;
    private ServiceRegistration<AuditLog> registration;

    @Activate
    public AuditTrail(BundleContext context, @Reference AuditDatabase database, AuditConfig config) {
        this.context = context;
        Clock clock = Clock.systemUTC();
        this.queue = new WriteQueue(config.queueCapacity());
        this.checkpointer = new Checkpointer(() -> signingKeys, clock, config.checkpointEveryEntries(),
                config.checkpointEverySeconds());
        this.chainer = new Chainer(database.transactions(), checkpointer, dispatch::chained, POLL_MILLIS);
        this.writer = new BatchWriter(queue, database.transactions(), config.batchIntervalMillis(), chainer::nudge);
        RowMaker rows = new RowMaker(clock, this::currentActor, new ChangeEncoder(() -> fieldCipher));
        this.log = new AuditLogService(rows, database.transactions(), queue,
                new JtaAfterCommit(database.transactionManager()), chainer::nudge, chainer::unchained);
        writer.start();
        chainer.start();
        apply(config);
    }

    @Modified
    void modified(AuditConfig config) {
        queue.setCapacity(config.queueCapacity());
        writer.setIntervalMillis(config.batchIntervalMillis());
        checkpointer.configure(config.checkpointEveryEntries(), config.checkpointEverySeconds());
        apply(config);
    }

    @Deactivate
    void deactivate() {
        unregister();
        log.closeQueue(writer);
        writer.stop();
        chainer.stop();
        dispatch.stop();
    }

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC)
    void addListener(AuditListener listener) {
        dispatch.add(listener);
    }

    void removeListener(AuditListener listener) {
        dispatch.remove(listener);
    }

    /**
     * Before a restore: writes the queued entries and links the committed ones, then holds the writer and the chainer
     * (entries recorded meanwhile stay queued) until {@link #resumeAfterRestore()}.
     */
    public void pauseForRestore() throws SQLException, InterruptedException {
        writer.pause();
        chainer.pause();
    }

    /** After a restore: the chainer reads the (restored) head row again, then the writer and the chainer go on. */
    public void resumeAfterRestore() throws SQLException {
        try {
            chainer.resume();
        } finally {
            writer.resume();
        }
    }

    /** The log, whether or not it is registered. */
    public AuditLog log() {
        return log;
    }

    /** The chainer (health, tests). */
    public Chainer chainer() {
        return chainer;
    }

    /** The checkpoint state (health). */
    public Checkpointer.State checkpoints() {
        return checkpointer.state();
    }

    /** Whether the AuditLog service is registered. */
    public synchronized boolean enabled() {
        return registration != null;
    }

    private synchronized void apply(AuditConfig config) {
        if (config.enabled() && registration == null) {
            registration = context.registerService(AuditLog.class, log, null);
        } else if (!config.enabled()) {
            unregister();
        }
    }

    private synchronized void unregister() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping
            }
            registration = null;
        }
    }

    private AuditActor currentActor() {
        CallerContext current = callerContext;
        if (current == null) {
            return new AuditActor(Caller.ANONYMOUS.id(), Caller.ANONYMOUS.displayName(), "unknown", "unknown");
        }
        Caller caller = current.current();
        ClientInfo client = current.client();
        return new AuditActor(caller.id(), caller.displayName(), client.channel(), client.address());
    }
}
